import { Hono } from 'hono';
import type { AppDeps } from '../http/app.ts';
import { sendPage } from '../http/cache.ts';
import { Layout } from '../http/layout.tsx';

function Contact(props: { email: string | undefined }) {
  if (!props.email) {
    return (
      <div class="callout callout-warn">
        <p>
          <strong>Contact details have not been configured by this site's operator.</strong> Until they are,
          this copy of Custodiet cannot receive requests. The process below still applies, and the operator is
          responsible for publishing a contact address here.
        </p>
      </div>
    );
  }
  return (
    <div class="callout">
      <p>
        Email <a href={`mailto:${props.email}`}>{props.email}</a>. Put the address of the page in your
        message, and the word <strong>URGENT</strong> in the subject if a child, a sexual-offence complainant
        or a trial could be affected.
      </p>
    </div>
  );
}

function Process() {
  return (
    <>
      <section aria-labelledby="tell-title">
        <h2 id="tell-title">What to tell us</h2>
        <ul>
          <li>the address of the page (or pages) concerned;</li>
          <li>what you say is wrong or missing, and what is right;</li>
          <li>
            anything that shows it, such as a hearing outcome, a court result, an appeal decision or a
            statement by the force or the IOPC;
          </li>
          <li>
            whether you are the person named, or act for them (for example as a solicitor or Police Federation
            representative);
          </li>
          <li>how we can reply to you.</li>
        </ul>
        <p>
          Please send no more personal information than we need to deal with your request. We do not publish
          who asked for a correction.
        </p>
      </section>
      <section aria-labelledby="do-title">
        <h2 id="do-title">What we do, and how fast</h2>
        <ul>
          <li>
            <strong>Urgent legal risks first.</strong> If a record could identify a child or a person who
            complained of a sexual offence, breach a reporting restriction or a court order, or prejudice
            active criminal proceedings, we treat it as urgent and deal with it before anything else.
          </li>
          <li>
            <strong>News in your favour within 24 hours.</strong> If you were acquitted, an allegation was not
            proven, there was no case to answer, proceedings were withdrawn or an appeal succeeded, we update
            every page that names you within 24 hours of learning of it, as prominently as the original.
          </li>
          <li>
            <strong>Every other request</strong> is checked against the sources by an editor. If we got
            something wrong, we correct it.
          </li>
          <li>
            <strong>No silent edits.</strong> Each correction, clarification, update or takedown is listed on
            the record and in the public <a href="/corrections">corrections log</a>, saying what changed, why
            and when. If we decide not to change a record, we tell you why.
          </li>
        </ul>
      </section>
    </>
  );
}

function Commitments() {
  return (
    <>
      <section aria-labelledby="before-title">
        <h2 id="before-title">Before we first name someone</h2>
        <p>
          Before an allegation naming an officer is first published, we write to the officer or their force's
          press office and give them a deadline to respond: normally seven calendar days (about five working
          days), and shorter only for a reason we record. We publish their reply with the record, or say that
          no response had arrived by the deadline. You can send a reply at any time later, too.
        </p>
      </section>
      <section aria-labelledby="defamation-title">
        <h2 id="defamation-title">Complaints about defamation</h2>
        <p>
          The records on this site are written by our editors, not posted by users, so we answer for them
          ourselves. Use the <a href="/right-of-reply/complaint">notice of complaint form</a>: give the page
          address, the words you complain of, what you understand them to mean and why you say they are untrue
          or unfair. You get a reference at once, and an editor must decide within 48 hours (weekends and bank
          holidays excluded) whether to take the page down, amend it, attach your reply or keep it, and tell
          you why.
        </p>
      </section>
      <section aria-labelledby="police-title">
        <h2 id="police-title">Complaints about the police</h2>
        <p>
          We are not part of the police complaints system and cannot investigate officers. To complain about
          an officer's conduct, contact the force concerned, or the{' '}
          <a href="https://www.policeconduct.gov.uk/">Independent Office for Police Conduct</a> in England and
          Wales, the <a href="https://pirc.scot/">Police Investigations and Review Commissioner</a> in
          Scotland or the <a href="https://www.policeombudsman.org/">Police Ombudsman</a> in Northern Ireland.
        </p>
      </section>
    </>
  );
}

/** How a person named can reply, ask for a correction or complain (rules R12, R14, R15). */
export function replyRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/right-of-reply', (c) =>
    sendPage(
      c,
      <Layout
        title="Right of reply and complaints"
        section="reply"
        description="How to reply to a record, ask for a correction or complain, and what Custodiet does in response."
      >
        <h1>Right of reply and complaints</h1>
        <p class="lede">
          If you are named in a record, or act for someone who is, you can reply to it, ask us to correct it
          or complain about it. So can anyone who believes a record is wrong, including families of the people
          involved.
        </p>
        <section aria-labelledby="contact-title">
          <h2 id="contact-title">How to contact us</h2>
          <Contact email={deps.contactEmail} />
        </section>
        <Process />
        <Commitments />
      </Layout>,
    ),
  );
  return app;
}
