import type { ImportFormat } from '../framework.ts';
import { policeUkStopSearch } from './police-uk-stop-search.ts';

/** Every import format by id (`custodiet import FORMAT …`). */
export const FORMATS: Record<string, ImportFormat<unknown, unknown>> = {
  [policeUkStopSearch.id]: policeUkStopSearch as ImportFormat<unknown, unknown>,
};
