-- Rule R12, right of reply: before an allegation naming an officer first publishes on the word
-- of a non-official source, we ask the officer and/or the force press office for a response and
-- give them a deadline (7 calendar days by default; shorter only with a recorded reason). The
-- reply, or "no response by <date>", is shown with the allegation.
CREATE TABLE reply_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  allegation_id uuid NOT NULL REFERENCES allegations (id) ON DELETE CASCADE DEFERRABLE,
  addressed_to text NOT NULL CHECK (addressed_to IN ('officer', 'force_press_office', 'representative')),
  method text NOT NULL CHECK (method IN ('email', 'letter', 'phone', 'online_form', 'in_person')),
  sent_on date NOT NULL,
  deadline date NOT NULL,
  short_deadline_reason text,
  reply_received_on date,
  -- The reply as published: verbatim, or a fair summary the editor marks as such.
  reply_text text,
  reply_verbatim boolean NOT NULL DEFAULT true,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT reply_requests_deadline_after_sending CHECK (deadline >= sent_on),
  CONSTRAINT reply_requests_short_deadline_reason CHECK (
    deadline >= sent_on + 7 OR short_deadline_reason ~ '\S'),
  CONSTRAINT reply_requests_reply_complete CHECK ((reply_received_on IS NULL) = (reply_text IS NULL)),
  CONSTRAINT reply_requests_reply_after_sending CHECK (reply_received_on IS NULL OR reply_received_on >= sent_on)
);
CREATE INDEX reply_requests_allegation_idx ON reply_requests (allegation_id);
