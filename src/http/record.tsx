/** Where a record page sits: links up the trail, then the current page (not a link). */
export function Breadcrumbs(props: { trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {props.trail.map((t) => (
          <li>
            <a href={t.href}>{t.label}</a>
          </li>
        ))}
        <li aria-current="page">{props.current}</li>
      </ol>
    </nav>
  );
}

/** Marks an editor preview of a record page, which is otherwise exactly the public page. */
export function PreviewBanner(props: { state: string }) {
  return (
    <div class="preview-banner" role="note">
      <strong>Preview.</strong> This is the public page as it will look once published. This record is
      currently <strong>{props.state.replace('_', ' ')}</strong>; parts not yet published are marked.
    </div>
  );
}
