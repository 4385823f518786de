/**
 * What a person should know before sending (rule R18): how to protect themselves, what we can and
 * cannot promise, and, for police insiders, the official route and the limits of whistleblowing
 * law when the disclosure is to us rather than to the IOPC.
 */
export function Safety(props: { insider: boolean }) {
  return (
    <section class="safety" aria-labelledby="safety-title">
      <h2 id="safety-title">Before you send</h2>
      <ul>
        <li>
          Use your own device on a network that is not your employer's. For the most protection use{' '}
          <strong>Tor Browser</strong>; this site works with its safest setting (no JavaScript).
        </li>
        <li>
          We keep no internet address, browser details or exact times. Files are cleaned of hidden details
          (location, camera, author) and only the cleaned copy is kept, encrypted.
        </li>
        <li>
          You will get a <strong>codename</strong> to come back with. Lose it and nobody can recover it.
        </li>
        <li>
          We never reveal who our sources are. Tell us only as much about yourself as you want us to know.
        </li>
      </ul>
      {props.insider && (
        <>
          <h3>If you are a police officer or member of police staff</h3>
          <p>
            Officers count as workers under the Employment Rights Act 1996 (s.43KA), so the Public Interest
            Disclosure Act can protect you. Reporting to your force or to the{' '}
            <strong>Independent Office for Police Conduct</strong> (a prescribed person with its own report
            line) is the route the law protects most readily. A disclosure to a publication such as this one
            is protected only under narrower tests (ERA s.43G and s.43H: for example that you reasonably
            believe it substantially true, do not act for personal gain, and it is reasonable in all the
            circumstances). Take advice before relying on it: the whistleblowing charity Protect and trade
            unions or staff associations give it in confidence.
          </p>
          <p>
            Whatever route you use, the dated receipt you get here is evidence that you reported, and when.
            Keep it with your own copies of what you sent.
          </p>
        </>
      )}
    </section>
  );
}
