// The follow box on officer, unit, force and search pages: the page's pattern pages, its Atom
// feed, and (when SMTP is configured) the e-mail digest form. The same feed is announced in the
// page's head (<link rel="alternate" type="application/atom+xml">) for feed readers.
import type { FeedLink } from '../http/layout.tsx';

/** What a page can be followed by. */
export interface Follow {
  /** The Atom feed's path. */
  feed: string;
  /** What is followed, as the feed's title says it. */
  title: string;
  patterns: { href: string; label: string }[];
  /** Whether e-mail digests are offered (SMTP configured). */
  digests: boolean;
}

/** The feed for the page head. */
export function feedLinks(f: Follow | undefined): FeedLink[] {
  return f ? [{ href: f.feed, title: `Newly published records: ${f.title}` }] : [];
}

/** Pattern links, the feed and the digest form. */
export function FollowBox(props: { follow: Follow }) {
  const f = props.follow;
  return (
    <section class="follow" aria-labelledby="follow-title">
      <h2 id="follow-title">Patterns and following</h2>
      <ul>
        {f.patterns.map((p) => (
          <li>
            <a href={p.href}>{p.label}</a>
          </li>
        ))}
        <li>
          <a href={f.feed} type="application/atom+xml">
            Atom feed of newly published records
          </a>{' '}
          (for a feed reader)
        </li>
      </ul>
      {f.digests && (
        <form method="post" action="/follow/email" class="inline-form">
          <input type="hidden" name="feed" value={f.feed} />
          <label for="follow-email">E-mail me new records</label>{' '}
          <input id="follow-email" type="email" name="email" required autocomplete="email" />{' '}
          <label for="follow-frequency">how often</label>{' '}
          <select id="follow-frequency" name="frequency">
            <option value="daily">daily</option>
            <option value="weekly">weekly</option>
          </select>{' '}
          <button type="submit">Subscribe</button>
          <p class="hint">
            You will be asked to confirm by e-mail first. The address is used only for this digest and is
            deleted when you unsubscribe (a link in every mail).
          </p>
        </form>
      )}
    </section>
  );
}

/** The follow box of an officer page. */
export function officerFollow(slug: string, name: string, digests: boolean): Follow {
  return {
    feed: `/officers/${slug}/feed.atom`,
    title: name,
    patterns: [
      { href: `/patterns/officers/${slug}`, label: `Patterns: ${name}'s allegations counted and compared` },
    ],
    digests,
  };
}

/** The follow box of a force page. */
export function forceFollow(slug: string, name: string, digests: boolean): Follow {
  return {
    feed: `/forces/${slug}/feed.atom`,
    title: name,
    patterns: [
      { href: `/patterns/forces/${slug}/units`, label: 'Allegations per unit and station' },
      { href: `/patterns/forces/${slug}/stop-search`, label: 'Stop and search by ethnicity' },
      { href: `/promises/forces/${slug}`, label: "Its leaders' promises, and what came after" },
      { href: '/patterns/lifecycle', label: 'How long cases take' },
    ],
    digests,
  };
}

/** The follow box of a unit page. */
export function unitFollow(
  force: { slug: string; name: string },
  unit: { slug: string; name: string },
  digests: boolean,
): Follow {
  const base = `/forces/${force.slug}/units/${unit.slug}`;
  return {
    feed: `${base}/feed.atom`,
    title: `${unit.name}, ${force.name}`,
    patterns: [
      {
        href: `/patterns${base}/network`,
        label: `Officers of ${unit.name} named together (co-accusal network)`,
      },
      {
        href: `/patterns/forces/${force.slug}/units`,
        label: `Allegations per unit and station, ${force.name}`,
      },
    ],
    digests,
  };
}
