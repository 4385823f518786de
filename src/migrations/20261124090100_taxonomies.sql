-- Versioned, jurisdiction-scoped taxonomies (rule R21). Records store the taxonomy id they used;
-- a revised taxonomy is a new row plus mappings, never an overwrite.

CREATE TABLE taxonomies (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9_]+$'),
  kind text NOT NULL CHECK (kind IN (
    'standard', 'iopc_category', 'finding_outcome', 'sanction', 'status_label', 'rank', 'process_state'
  )),
  jurisdiction text NOT NULL CHECK (jurisdiction ~ '^[a-z_]+$'),
  version text NOT NULL,
  title text NOT NULL,
  source_note text,
  effective_from date,
  UNIQUE (id, kind)
);

CREATE TABLE taxonomy_terms (
  taxonomy_id text NOT NULL,
  kind text NOT NULL,
  code text NOT NULL CHECK (code ~ '^[a-z0-9_]+$'),
  label text NOT NULL,
  description text,
  parent_code text,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (taxonomy_id, code),
  -- Referencing tables point at (kind, taxonomy_id, code) so a sanction code can never be stored
  -- where a status label belongs, even if both taxonomies share a code.
  CONSTRAINT taxonomy_terms_kind_key UNIQUE (kind, taxonomy_id, code),
  FOREIGN KEY (taxonomy_id, kind) REFERENCES taxonomies (id, kind) DEFERRABLE,
  FOREIGN KEY (taxonomy_id, parent_code) REFERENCES taxonomy_terms (taxonomy_id, code) DEFERRABLE
);

-- How a term of one taxonomy version maps onto another (revisions, legacy schemes, other jurisdictions).
CREATE TABLE taxonomy_mappings (
  from_taxonomy text NOT NULL,
  from_code text NOT NULL,
  to_taxonomy text NOT NULL,
  to_code text NOT NULL,
  note text,
  PRIMARY KEY (from_taxonomy, from_code, to_taxonomy, to_code),
  FOREIGN KEY (from_taxonomy, from_code) REFERENCES taxonomy_terms (taxonomy_id, code) DEFERRABLE,
  FOREIGN KEY (to_taxonomy, to_code) REFERENCES taxonomy_terms (taxonomy_id, code) DEFERRABLE
);

INSERT INTO taxonomies (id, kind, jurisdiction, version, title, source_note, effective_from) VALUES
  ('ew_standards_2020', 'standard', 'england_wales', '2020',
   'Standards of Professional Behaviour', 'Police (Conduct) Regulations 2020, Schedule 2', '2020-02-01'),
  ('iopc_complaint_categories_2020', 'iopc_category', 'england_wales', '2020',
   'IOPC complaint allegation categories',
   'IOPC Guidance on capturing data about police complaints (Feb 2020, updated Jan 2021)', '2020-02-01'),
  ('ew_conduct_findings_2020', 'finding_outcome', 'england_wales', '2020',
   'Misconduct proceedings findings', 'Police (Conduct) Regulations 2020', '2020-02-01'),
  ('ew_conduct_appeal_outcomes_2020', 'finding_outcome', 'england_wales', '2020',
   'Outcomes of conduct appeals', 'Police Appeals Tribunals Rules 2020; internal appeals under the Conduct Regulations 2020', '2020-02-01'),
  ('ew_criminal_outcomes_v1', 'finding_outcome', 'england_wales', '1',
   'Criminal court outcomes', 'Courts of England and Wales', NULL),
  ('ew_conduct_sanctions_2020', 'sanction', 'england_wales', '2020',
   'Disciplinary outcomes', 'Police (Conduct) Regulations 2020', '2020-02-01'),
  ('ew_criminal_sentences_v1', 'sanction', 'england_wales', '1',
   'Criminal sentences', 'Sentencing Code (England and Wales)', NULL),
  ('publication_status_v1', 'status_label', 'england_wales', '1',
   'Publication status labels', 'Custodiet domain reference, section 4.1', NULL),
  ('ew_ranks_2025', 'rank', 'england_wales', '2025',
   'Police ranks and roles, England and Wales', 'Custodiet domain reference, section 5', NULL),
  ('ew_process_states_2020', 'process_state', 'england_wales', '2020',
   'Complaint and conduct process states', 'Police Reform Act 2002 Sch. 3 as amended 2020', '2020-02-01');

INSERT INTO taxonomy_terms (taxonomy_id, kind, code, label, description, sort_order) VALUES
  ('ew_standards_2020', 'standard', 'honesty_integrity', 'Honesty and integrity',
   'Be truthful; never compromise or abuse the position.', 1),
  ('ew_standards_2020', 'standard', 'authority_respect_courtesy', 'Authority, respect and courtesy',
   'Self-control and courtesy; no abuse of powers; respect rights.', 2),
  ('ew_standards_2020', 'standard', 'equality_diversity', 'Equality and diversity',
   'Act fairly and impartially; no unlawful or unfair discrimination.', 3),
  ('ew_standards_2020', 'standard', 'use_of_force', 'Use of force',
   'Only necessary, proportionate and reasonable force.', 4),
  ('ew_standards_2020', 'standard', 'orders_instructions', 'Orders and instructions',
   'Give and follow only lawful orders; obey regulations and force policy.', 5),
  ('ew_standards_2020', 'standard', 'duties_responsibilities', 'Duties and responsibilities',
   'Carry out duties diligently.', 6),
  ('ew_standards_2020', 'standard', 'confidentiality', 'Confidentiality',
   'Access or disclose information only for proper police purposes.', 7),
  ('ew_standards_2020', 'standard', 'fitness_for_duty', 'Fitness for duty',
   'Be fit to work when on or reporting for duty.', 8),
  ('ew_standards_2020', 'standard', 'discreditable_conduct', 'Discreditable conduct',
   'On or off duty, do not discredit the service.', 9),
  ('ew_standards_2020', 'standard', 'challenging_reporting_improper_conduct',
   'Challenging and reporting improper conduct',
   'Report, challenge or act on colleagues'' conduct that falls below these standards.', 10),

  ('iopc_complaint_categories_2020', 'iopc_category', 'delivery_of_duties_and_service',
   'Delivery of duties and service', NULL, 1),
  ('iopc_complaint_categories_2020', 'iopc_category', 'police_powers_policies_procedures',
   'Police powers, policies and procedures', NULL, 2),
  ('iopc_complaint_categories_2020', 'iopc_category', 'individual_behaviours',
   'Individual behaviours', 'Impoliteness, unfairness, harassment.', 3),
  ('iopc_complaint_categories_2020', 'iopc_category', 'discriminatory_behaviour',
   'Discriminatory behaviour', 'Recorded with the protected characteristic concerned.', 4),
  ('iopc_complaint_categories_2020', 'iopc_category', 'discreditable_conduct',
   'Discreditable conduct', NULL, 5),
  ('iopc_complaint_categories_2020', 'iopc_category', 'use_of_force', 'Use of force', NULL, 6),
  ('iopc_complaint_categories_2020', 'iopc_category', 'detention_in_custody', 'Detention in custody', NULL, 7),
  ('iopc_complaint_categories_2020', 'iopc_category', 'stop_and_search', 'Stop and search', NULL, 8),
  ('iopc_complaint_categories_2020', 'iopc_category', 'access_disclosure_of_information',
   'Access and/or disclosure of information', NULL, 9),
  ('iopc_complaint_categories_2020', 'iopc_category', 'handling_damage_property',
   'Handling of or damage to property', NULL, 10),
  ('iopc_complaint_categories_2020', 'iopc_category', 'abuse_of_position_corruption',
   'Abuse of position or corruption', NULL, 11),
  ('iopc_complaint_categories_2020', 'iopc_category', 'sexual_conduct', 'Sexual conduct', NULL, 12),
  ('iopc_complaint_categories_2020', 'iopc_category', 'use_of_police_vehicles', 'Use of police vehicles', NULL, 13),
  ('iopc_complaint_categories_2020', 'iopc_category', 'other', 'Other', NULL, 14),

  ('ew_conduct_findings_2020', 'finding_outcome', 'misconduct_proven', 'Misconduct proven', NULL, 1),
  ('ew_conduct_findings_2020', 'finding_outcome', 'gross_misconduct_proven', 'Gross misconduct proven', NULL, 2),
  ('ew_conduct_findings_2020', 'finding_outcome', 'not_proven', 'Not proven', NULL, 3),
  ('ew_conduct_findings_2020', 'finding_outcome', 'admitted', 'Admitted', NULL, 4),

  ('ew_conduct_appeal_outcomes_2020', 'finding_outcome', 'appeal_allowed_finding_overturned',
   'Appeal allowed: finding overturned', 'The earlier finding no longer stands.', 1),
  ('ew_conduct_appeal_outcomes_2020', 'finding_outcome', 'appeal_allowed_outcome_substituted',
   'Appeal allowed: a less severe outcome substituted', NULL, 2),
  ('ew_conduct_appeal_outcomes_2020', 'finding_outcome', 'appeal_dismissed', 'Appeal dismissed',
   'The earlier finding and outcome stand.', 3),

  ('ew_criminal_outcomes_v1', 'finding_outcome', 'convicted_on_guilty_plea', 'Convicted on a guilty plea', NULL, 1),
  ('ew_criminal_outcomes_v1', 'finding_outcome', 'convicted_after_trial', 'Convicted after trial', NULL, 2),
  ('ew_criminal_outcomes_v1', 'finding_outcome', 'acquitted', 'Acquitted (found not guilty)', NULL, 3),
  ('ew_criminal_outcomes_v1', 'finding_outcome', 'discontinued', 'Proceedings discontinued', NULL, 4),

  ('ew_conduct_sanctions_2020', 'sanction', 'no_further_action', 'No further action', NULL, 1),
  ('ew_conduct_sanctions_2020', 'sanction', 'finding_no_misconduct', 'Finding of no misconduct', NULL, 2),
  ('ew_conduct_sanctions_2020', 'sanction', 'rprp_direction', 'Reflective practice review process directed',
   'Not a disciplinary outcome.', 3),
  ('ew_conduct_sanctions_2020', 'sanction', 'management_advice_legacy', 'Management advice (before 2020)', NULL, 4),
  ('ew_conduct_sanctions_2020', 'sanction', 'written_warning', 'Written warning', NULL, 5),
  ('ew_conduct_sanctions_2020', 'sanction', 'final_written_warning', 'Final written warning', NULL, 6),
  ('ew_conduct_sanctions_2020', 'sanction', 'reduction_in_rank', 'Reduction in rank', NULL, 7),
  ('ew_conduct_sanctions_2020', 'sanction', 'dismissal_without_notice', 'Dismissal without notice', NULL, 8),
  ('ew_conduct_sanctions_2020', 'sanction', 'would_have_been_dismissed', 'Would have been dismissed',
   'Finding against a former officer; leads to the College of Policing Barred List.', 9),
  ('ew_conduct_sanctions_2020', 'sanction', 'no_sanction_former_officer', 'No sanction (former officer)', NULL, 10),

  ('ew_criminal_sentences_v1', 'sanction', 'whole_life_order', 'Whole life order', 'Never eligible for release.', 1),
  ('ew_criminal_sentences_v1', 'sanction', 'life_imprisonment', 'Life imprisonment', NULL, 2),
  ('ew_criminal_sentences_v1', 'sanction', 'custodial_sentence', 'Custodial sentence', NULL, 3),
  ('ew_criminal_sentences_v1', 'sanction', 'suspended_sentence', 'Suspended sentence', NULL, 4),
  ('ew_criminal_sentences_v1', 'sanction', 'community_order', 'Community order', NULL, 5),
  ('ew_criminal_sentences_v1', 'sanction', 'fine', 'Fine', NULL, 6),
  ('ew_criminal_sentences_v1', 'sanction', 'discharge', 'Discharge', NULL, 7),

  ('publication_status_v1', 'status_label', 'reported', 'Allegation reported',
   'An allegation only. Always described as alleged; unnamed by default.', 1),
  ('publication_status_v1', 'status_label', 'under_investigation', 'Under investigation',
   'A force or IOPC investigation is open. No finding has been made.', 2),
  ('publication_status_v1', 'status_label', 'active_proceedings', 'Active criminal proceedings',
   'Arrest, warrant, summons or charge. Only fair, accurate court reports are published.', 3),
  ('publication_status_v1', 'status_label', 'case_to_answer', 'Case to answer',
   'Faces a misconduct meeting or hearing. This is not a finding.', 4),
  ('publication_status_v1', 'status_label', 'misconduct_proven', 'Misconduct proven',
   'A panel found misconduct proven.', 5),
  ('publication_status_v1', 'status_label', 'gross_misconduct_proven', 'Gross misconduct proven',
   'A panel found gross misconduct proven.', 6),
  ('publication_status_v1', 'status_label', 'not_proven', 'Not proven',
   'A panel found the allegation not proven.', 7),
  ('publication_status_v1', 'status_label', 'no_case_to_answer', 'No case to answer',
   'No case to answer after investigation.', 8),
  ('publication_status_v1', 'status_label', 'acquitted', 'Acquitted',
   'Found not guilty by a court.', 9),
  ('publication_status_v1', 'status_label', 'convicted', 'Convicted',
   'Convicted by a court.', 10),
  ('publication_status_v1', 'status_label', 'withdrawn', 'Withdrawn',
   'The complaint or proceedings were withdrawn.', 11),
  ('publication_status_v1', 'status_label', 'finding_under_appeal', 'Finding under appeal',
   'A finding exists and is under appeal.', 12),
  ('publication_status_v1', 'status_label', 'overturned_on_appeal', 'Overturned on appeal',
   'An earlier finding was overturned on appeal.', 13),

  ('ew_ranks_2025', 'rank', 'police_constable', 'Police Constable', 'PC', 1),
  ('ew_ranks_2025', 'rank', 'sergeant', 'Sergeant', 'Sgt', 2),
  ('ew_ranks_2025', 'rank', 'inspector', 'Inspector', 'Insp', 3),
  ('ew_ranks_2025', 'rank', 'chief_inspector', 'Chief Inspector', 'Ch Insp', 4),
  ('ew_ranks_2025', 'rank', 'superintendent', 'Superintendent', 'Supt', 5),
  ('ew_ranks_2025', 'rank', 'chief_superintendent', 'Chief Superintendent', 'Ch Supt', 6),
  ('ew_ranks_2025', 'rank', 'commander', 'Commander', 'Metropolitan and City of London', 7),
  ('ew_ranks_2025', 'rank', 'deputy_assistant_commissioner', 'Deputy Assistant Commissioner', 'DAC (Metropolitan)', 8),
  ('ew_ranks_2025', 'rank', 'assistant_commissioner', 'Assistant Commissioner', 'AC', 9),
  ('ew_ranks_2025', 'rank', 'deputy_commissioner', 'Deputy Commissioner', 'Metropolitan', 10),
  ('ew_ranks_2025', 'rank', 'commissioner', 'Commissioner', 'Metropolitan and City of London', 11),
  ('ew_ranks_2025', 'rank', 'assistant_chief_constable', 'Assistant Chief Constable', 'ACC', 12),
  ('ew_ranks_2025', 'rank', 'deputy_chief_constable', 'Deputy Chief Constable', 'DCC', 13),
  ('ew_ranks_2025', 'rank', 'chief_constable', 'Chief Constable', NULL, 14),
  ('ew_ranks_2025', 'rank', 'special_constable', 'Special Constable', 'Volunteer officer; a distinct role type', 20),
  ('ew_ranks_2025', 'rank', 'pcso', 'Police Community Support Officer', 'Police staff; a distinct role type', 21),
  ('ew_ranks_2025', 'rank', 'designated_detention_officer', 'Designated Detention Officer',
   'Police staff in custody suites; a distinct role type', 22),
  ('ew_ranks_2025', 'rank', 'police_staff', 'Police staff', 'Civilian staff', 23);

INSERT INTO taxonomy_terms (taxonomy_id, kind, code, label, sort_order)
SELECT 'ew_process_states_2020', 'process_state', code, initcap(replace(code, '_', ' ')), ord
FROM unnest(ARRAY[
  'complaint_logged', 'handled_outside_sch3', 'recorded_sch3', 'conduct_matter_recorded',
  'dsi_matter_recorded', 'referred_to_iopc', 'other_handling', 'investigation_local',
  'investigation_directed', 'investigation_independent', 'investigation_managed_legacy',
  'investigation_supervised_legacy', 'investigation_report', 'no_case_to_answer', 'rprp',
  'case_to_answer_misconduct', 'case_to_answer_gross_misconduct', 'misconduct_meeting',
  'misconduct_hearing', 'accelerated_hearing', 'outcome_recorded', 'internal_appeal', 'pat_appeal',
  'barred_list_entry', 'complainant_review', 'cps_referral', 'no_charge', 'charged', 'trial',
  'acquitted', 'convicted', 'closed'
]) WITH ORDINALITY AS t(code, ord);

-- The legacy "management advice" outcome maps onto today's reflective practice direction.
INSERT INTO taxonomy_mappings (from_taxonomy, from_code, to_taxonomy, to_code, note) VALUES
  ('ew_conduct_sanctions_2020', 'management_advice_legacy', 'ew_conduct_sanctions_2020', 'rprp_direction',
   'Management advice/action ended in 2020; the nearest current outcome is an RPRP direction.');
