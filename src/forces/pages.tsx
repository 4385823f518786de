// The force page and the unit page. A unit page covers the unit and every unit under it.
import { feedLinks, FollowBox, forceFollow, unitFollow } from '../follow/components.tsx';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs } from '../http/record.tsx';
import { Validity } from '../http/time.tsx';
import { safeHref } from '../sources/components.tsx';
import type { Unit } from '../units/repository.ts';
import { ScopeSections, UnitTree, unitKind, type ScopeData } from './components.tsx';
import type { stationAddress } from './public.ts';
import { JURISDICTIONS, type Force } from './repository.ts';

const FORCES_TRAIL = [
  { href: '/', label: 'Home' },
  { href: '/forces', label: 'Police forces' },
];

/** A police force: what it is, its published records and figures, and its units. */
export function ForcePage(props: { force: Force; units: Unit[]; data: ScopeData; digests?: boolean }) {
  const { force, units, data } = props;
  const website = safeHref(force.website);
  const follow = forceFollow(force.slug, force.name, props.digests ?? false);
  return (
    <Layout
      feeds={feedLinks(follow)}
      title={force.name}
      section="forces"
      description={`Published misconduct records about ${force.name}.`}
    >
      <Breadcrumbs trail={FORCES_TRAIL} current={force.name} />
      <h1>{force.name}</h1>
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{force.kind === 'territorial' ? 'Territorial police force' : 'Special police force'}</dd>
        <dt>Area</dt>
        <dd>{JURISDICTIONS[force.jurisdiction] ?? force.jurisdiction}</dd>
        {website && (
          <>
            <dt>Website</dt>
            <dd>
              <a href={website} rel="noopener noreferrer">
                {website}
              </a>
            </dd>
          </>
        )}
      </dl>
      <ScopeSections data={data} where={`about ${force.name}`} officersOf={`of ${force.name}`} />
      <FollowBox follow={follow} />
      <section aria-labelledby="units-title">
        <h2 id="units-title">Units</h2>
        {units.length === 0 ? (
          <p>No units of this force are recorded yet.</p>
        ) : (
          <UnitTree units={units} parentId={null} forceSlug={force.slug} />
        )}
      </section>
    </Layout>
  );
}

type Address = NonNullable<Awaited<ReturnType<typeof stationAddress>>>;

function AddressFacts(props: { address: Address }) {
  const a = props.address;
  return (
    <>
      <dt>Public address</dt>
      <dd>
        <address>
          {a.address_line}
          {a.locality && (
            <>
              <br />
              {a.locality}
            </>
          )}
          {a.postcode && (
            <>
              <br />
              {a.postcode}
            </>
          )}
        </address>
        {a.source_note && <span class="note">Source: {a.source_note}</span>}
      </dd>
    </>
  );
}

function UnitFacts(props: { force: Force; unit: Unit; parent: Unit | undefined; address: Address | null }) {
  const { force, unit, parent } = props;
  return (
    <dl class="facts">
      <dt>Kind</dt>
      <dd>{unitKind(unit.kind)}</dd>
      <dt>Force</dt>
      <dd>
        <a href={`/forces/${force.slug}`}>{force.name}</a>
      </dd>
      {parent && (
        <>
          <dt>Part of</dt>
          <dd>
            <a href={`/forces/${force.slug}/units/${parent.slug}`}>{parent.name}</a>
          </dd>
        </>
      )}
      {unit.code && (
        <>
          <dt>Code</dt>
          <dd>{unit.code}</dd>
        </>
      )}
      {(unit.valid_from || unit.valid_to) && (
        <>
          <dt>Existed</dt>
          <dd>
            <Validity from={unit.valid_from} to={unit.valid_to} />
          </dd>
        </>
      )}
      {props.address && <AddressFacts address={props.address} />}
    </dl>
  );
}

/** A unit (command unit, station, team, specialist unit) with everything under it. */
export function UnitPage(props: {
  force: Force;
  unit: Unit;
  units: Unit[];
  address: Address | null;
  data: ScopeData;
  digests?: boolean;
}) {
  const { force, unit, units } = props;
  const follow = unitFollow(force, unit, props.digests ?? false);
  const parent = units.find((u) => u.id === unit.parent_unit_id);
  const trail = [
    ...FORCES_TRAIL,
    { href: `/forces/${force.slug}`, label: force.name },
    ...(parent ? [{ href: `/forces/${force.slug}/units/${parent.slug}`, label: parent.name }] : []),
  ];
  const hasChildren = units.some((u) => u.parent_unit_id === unit.id);
  return (
    <Layout
      feeds={feedLinks(follow)}
      title={`${unit.name}, ${force.name}`}
      section="forces"
      description={`Published misconduct records about ${unit.name} (${force.name}).`}
    >
      <Breadcrumbs trail={trail} current={unit.name} />
      <h1>{unit.name}</h1>
      {unit.description && <p class="lede">{unit.description}</p>}
      <UnitFacts force={force} unit={unit} parent={parent} address={props.address} />
      <ScopeSections
        data={props.data}
        where={`about ${unit.name}${hasChildren ? ' and the units under it' : ''}`}
        officersOf={`posted to ${unit.name}${hasChildren ? ' or the units under it' : ''}`}
      />
      <FollowBox follow={follow} />
      {hasChildren && (
        <section aria-labelledby="units-title">
          <h2 id="units-title">Units under {unit.name}</h2>
          <UnitTree units={units} parentId={unit.id} forceSlug={force.slug} />
        </section>
      )}
    </Layout>
  );
}
