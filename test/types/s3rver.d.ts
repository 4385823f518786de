// s3rver ships no types; this covers only what the tests use.
declare module 's3rver' {
  import type { Server } from 'node:http';
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  export default class S3rver {
    constructor(options?: S3rverOptions);
    /** Creates the configured buckets and listens; resolves to the bound address. */
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** Creates the configured buckets (run() does this before listening). */
    configureBuckets(): Promise<void>;
    /** Listens without creating buckets; returns the server at once so its 'error' event can be heard. */
    listen(port: number, address: string, callback: () => void): Server;
  }
}
