import type { DemoDataset } from './schema.ts';

/**
 * The bundled demo dataset: eight public Metropolitan Police matters, seeded under rules R1–R24.
 *
 * Every `passage` is copied character for character from page text retrieved for the demo
 * (see the research notes), is at most 30 words and sits on the source it came from. Facts with no
 * retrieved passage carry a `note` instead. Officers are named only where an official source or a
 * reputable outlet names them in a retrieved passage; everyone else is described, not named.
 */

const NO_PASSAGE = 'No verbatim text retrieved offline; the source is cited without a passage.';
const SYNDICATED =
  'Syndicated copy on a third-party host: replace with the original publisher URL before publishing.';

export const DEMO_DATASET: DemoDataset = {
  retrievedOn: '2026-11-24',

  sources: [
    // --- BBC Panorama / Charing Cross 2025 ---
    {
      key: 'bbc_why_undercover_copy',
      kind: 'news',
      url: 'https://finnoexpert.com/why-the-bbc-went-undercover-in-the-met-police-to-investigate-claims-of-racism-and-misogyny',
      publisher: 'BBC News (syndicated copy on finnoexpert.com)',
      title: 'Why the BBC went undercover in the Met Police to investigate claims of racism and misogyny',
      publishedOn: null,
      notes: `${SYNDICATED} Text is the BBC article by Emma Vardy (BBC Panorama); the bbc.co.uk original was not among the stored pages.`,
    },
    {
      key: 'bbc_seventh_officer_sacked',
      kind: 'news',
      url: 'https://feeds.bbci.co.uk/news/articles/c17xdy9g01jo',
      publisher: 'BBC News',
      title: 'Seventh Met officer sacked after BBC Panorama film',
      publishedOn: null,
      notes: 'Publication date not shown in the stored excerpt.',
    },
    {
      key: 'pp_rowley_fast_track',
      kind: 'news',
      url: 'https://policeprofessional.com/news/mps-commissioner-promises-officers-guilty-of-racism-misogyny-and-excessive-force-will-be-fast-tracked-out-of-the-force',
      publisher: 'Police Professional',
      title:
        'MPS Commissioner promises officers guilty of racism, misogyny and excessive force will be ‘fast-tracked’ out of the force',
      publishedOn: '2025-10-02',
    },
    {
      key: 'bbc_sergeant_arrested',
      kind: 'news',
      url: 'https://feeds.bbci.co.uk/news/articles/c86422y9vxno',
      publisher: 'BBC News',
      title: 'Serving Met police officer arrested after BBC Panorama investigation',
      publishedOn: null,
      notes:
        "'office' [sic] is in the source. Date not shown in the excerpt; the LBC report of the same arrest is dated 2025-10-03.",
    },
    {
      key: 'lbc_sergeant_arrested',
      kind: 'news',
      url: 'https://www.lbc.co.uk/article/met-officer-police-charing-cross-5HjdDwG_2/',
      publisher: 'LBC',
      title: 'Met officer arrested (Charing Cross) after Panorama',
      publishedOn: '2025-10-03',
      notes: 'Title paraphrased; the excerpt did not include the headline.',
    },
    {
      key: 'iopc_ten_accelerated_hearings',
      kind: 'press_release',
      url: 'https://www.policeconduct.gov.uk/news/ten-officers-set-face-fast-tracked-disciplinary-proceedings-following-investigation-officers',
      publisher: 'Independent Office for Police Conduct (IOPC)',
      title:
        "Ten officers set to face fast-tracked disciplinary proceedings following investigation into officers' conduct at Charing Cross police station",
      publishedOn: '2025-10-09',
    },
    {
      key: 'pp_ten_fast_track',
      kind: 'news',
      url: 'https://policeprofessional.com/news/ten-officers-to-face-fast-tracked-disciplinary-proceedings-over-conduct-at-charing-cross-police-station',
      publisher: 'Police Professional',
      title:
        'Ten officers to face fast-tracked disciplinary proceedings over conduct at Charing Cross police station',
      publishedOn: null,
    },
    {
      key: 'pp_three_dismissed',
      kind: 'news',
      url: 'https://policeprofessional.com/news/three-officers-dismissed-for-their-appalling-conduct-at-charing-cross',
      publisher: 'Police Professional',
      title: 'Three officers dismissed for their ‘appalling’ conduct at Charing Cross',
      publishedOn: '2025-10-23',
    },
    {
      key: 'met_fourth_officer_dismissed',
      kind: 'press_release',
      url: 'https://news.met.police.uk/news/fourth-charing-cross-officer-dismissed-following-panorama-broadcast-502556',
      publisher: 'Metropolitan Police',
      title: 'Fourth Charing Cross officer dismissed following Panorama broadcast',
      publishedOn: null,
      notes: 'Release undated in the stored excerpt.',
    },
    {
      key: 'pp_another_gross_misconduct',
      kind: 'news',
      url: 'https://policeprofessional.com/news/another-charing-cross-officer-guilty-of-gross-misconduct',
      publisher: 'Police Professional',
      title: 'Another Charing Cross officer guilty of gross misconduct',
      publishedOn: '2026-02-16',
    },

    // --- Operation Hotton ---
    {
      key: 'iopc_hotton_learning_report',
      kind: 'official_report',
      url: 'https://policeconduct.gov.uk/node/4092',
      publisher: 'Independent Office for Police Conduct (IOPC)',
      title:
        'Thematic learning issued to address cultural concerns in nine linked investigations– Metropolitan Police Service, June 2018',
      publishedOn: '2022-02-01',
    },
    {
      key: 'iopc_hotton_recommendations',
      kind: 'press_release',
      url: 'https://www.wired-gov.net/wg/news.nsf/articles/met+accepts+iopc+recommendations+after+operation+hotton+investigation+uncovers+bullying+and+harassment+08042022091000?open',
      publisher: 'Independent Office for Police Conduct (via Wired-Gov)',
      title:
        'Met accepts IOPC recommendations after Operation Hotton investigation uncovers bullying and harassment',
      publishedOn: '2022-04-08',
      notes: `${SYNDICATED} This is an IOPC release carried by Wired-Gov.`,
    },
    {
      key: 'iopc_hotton_panel',
      kind: 'press_release',
      url: 'https://www.wired-gov.net/wg/news.nsf/articles/Misconduct+panel+rules+former+Met+constables+would+have+been+dismissed+over+texts+03092021091000?open',
      publisher: 'Independent Office for Police Conduct (via Wired-Gov)',
      title: 'Misconduct panel rules former Met constables would have been dismissed over texts',
      publishedOn: null,
      notes: `${SYNDICATED} This is an IOPC release carried by Wired-Gov. Publication date not stated in the excerpt (the URL timestamp suggests 2021-09-03). 'Two former Metropolitan Police Service (MPS) who' [sic].`,
    },
    {
      key: 'standard_hotton',
      kind: 'news',
      url: 'https://article-swipe.standard.co.uk/comment/metropoliatan-police-iopc-report-operation-hotton-b980030.html',
      publisher: 'Evening Standard',
      title: '‘Disgraceful’ Met must be overhauled, damning report finds',
      publishedOn: null,
    },

    // --- Sarah Everard / Wayne Couzens ---
    {
      key: 'itv_couzens_plea',
      kind: 'news',
      url: 'https://www.itv.com/news/tyne-tees/2021-07-09/from-the-court-couzens-softly-said-guilty-maam',
      publisher: 'ITV News',
      title: "From the court: Couzens softly said 'Guilty ma'am'",
      publishedOn: '2021-07-09',
      notes: 'Title paraphrased from the URL slug.',
    },
    {
      key: 'indy100_couzens_sentence',
      kind: 'news',
      url: 'https://www.indy100.com/news/wayne-couzens-sentence-sarah-everard-b1929728',
      publisher: 'indy100 (The Independent)',
      title:
        'Wayne Couzens given whole life sentence for kidnap, rape and murder of Sarah Everard – what does that mean?',
      publishedOn: null,
    },
    {
      key: 'guernsey_couzens_shame',
      kind: 'news',
      url: 'https://guernseypress.com/news/uk-news/2021/09/30/wayne-couzens-has-brought-shame-on-the-met-commissioner-says',
      publisher: 'Guernsey Press (PA Media)',
      title: 'Wayne Couzens has ‘brought shame on the Met’, commissioner says',
      publishedOn: null,
      notes:
        'PA Media copy carried by the Guernsey Press: replace with the original agency or national URL if available. Page date not in the excerpt; URL path is 2021/09/30.',
    },
    {
      key: 'tle_couzens_whole_life',
      kind: 'news',
      url: 'https://www.thelondoneconomic.com/news/wayne-couzens-sentenced-to-whole-life-term-for-the-murder-rape-and-kidnap-of-sarah-everard-293023/',
      publisher: 'The London Economic',
      title: 'Wayne Couzens sentenced to whole life term for the murder, rape and kidnap of Sarah Everard',
      publishedOn: '2021-09-30',
    },
    {
      key: 'times_couzens_whole_life',
      kind: 'news',
      url: 'https://www.thetimes.co.uk/article/sarah-everard-murder-wayne-couzens-given-whole-life-sentence-kg3rfx5b7',
      publisher: 'The Times',
      title: 'Sarah Everard murder: Wayne Couzens given whole-life sentence',
      publishedOn: null,
    },
    {
      key: 'cnn_couzens_plea_copy',
      kind: 'news',
      url: 'https://madison.com/video/cnn/news/london-police-officer-pleads-guilty-to-murder-of-sarah-everard/article_ac22f01b-091f-5e4d-9277-c9f92f2e6cb9.html',
      publisher: 'CNN (via madison.com)',
      title: 'London police officer pleads guilty to murder of Sarah Everard',
      publishedOn: '2021-07-09',
      notes: `${SYNDICATED} This is a CNN item carried by madison.com.`,
    },

    // --- David Carrick ---
    {
      key: 'bbc_carrick_live',
      kind: 'news',
      url: 'https://feeds.bbci.co.uk/news/live/uk-64456086',
      publisher: 'BBC News (live page)',
      title: 'David Carrick sentencing (live)',
      publishedOn: '2023-02-07',
      notes: 'Title paraphrased (live page).',
    },
    {
      key: 'inews_carrick_life',
      kind: 'news',
      url: 'https://inews.co.uk/news/how-long-life-sentence-police-officer-david-carrick-guilty-2134307',
      publisher: 'i (inews.co.uk)',
      title: 'How long is a life sentence? Police officer David Carrick',
      publishedOn: null,
      notes: 'Title paraphrased from the URL slug.',
    },
    {
      key: 'itv_carrick_sacked',
      kind: 'news',
      url: 'https://www.itv.com/news/london/2023-01-17/david-carrick-sacked-by-met-police-for-gross-misconduct',
      publisher: 'ITV News',
      title: 'David Carrick sacked by Met Police for gross misconduct',
      publishedOn: '2023-01-17',
    },

    // --- Baroness Casey Review ---
    {
      key: 'bbc_casey_live',
      kind: 'news',
      url: 'https://www.bbc.co.uk/news/live/uk-65011583',
      publisher: 'BBC News (live page)',
      title: 'Casey review: Met Police institutionally racist, misogynist and homophobic (live)',
      publishedOn: null,
      notes: 'Title paraphrased. Date not shown in the excerpt.',
    },
    {
      key: 'cityam_casey',
      kind: 'news',
      url: 'https://www.cityam.com/met-police-is-institutionally-racist-misogynistic-and-homophobic-new-review-concludes/',
      publisher: 'City A.M.',
      title: 'Met Police is ‘institutionally’ racist, misogynistic and homophobic, new review concludes',
      publishedOn: '2023-03-21',
    },
    {
      key: 'times_casey',
      kind: 'news',
      url: 'https://www.thetimes.co.uk/article/casey-review-met-police-report-released-2023-689ttwf9h',
      publisher: 'The Times',
      title: 'Casey review: Met Police has lost public faith, says report',
      publishedOn: '2023-03-21',
    },

    // --- Chris Kaba / Martyn Blake ---
    {
      key: 'guardian_nx121_charged',
      kind: 'news',
      url: 'https://www.theguardian.com/uk-news/2023/sep/20/police-officer-who-shot-chris-kaba-in-london-charged-with-murder',
      publisher: 'The Guardian',
      title: 'Police officer who shot Chris Kaba in London charged with murder',
      publishedOn: '2023-09-20',
      notes: 'Title paraphrased from the URL slug.',
    },
    {
      key: 'courtnews_blake_cleared',
      kind: 'news',
      url: 'https://courtnewsuk.co.uk/firearms-officer-cleared-of-murdering-chris-kaba',
      publisher: 'Court News UK',
      title: 'Firearms officer cleared of murdering Chris Kaba',
      publishedOn: null,
    },
    {
      key: 'itv_blake_acquitted',
      kind: 'news',
      url: 'https://www.itv.com/news/2024-10-21/met-police-officer-who-shot-chris-kaba-found-not-guilty-of-his-murder',
      publisher: 'ITV News',
      title: 'Met Police officer who shot Chris Kaba found not guilty of his murder',
      publishedOn: '2024-10-21',
    },
    {
      key: 'iopc_blake_case_to_answer',
      kind: 'press_release',
      url: 'https://www.policeconduct.gov.uk/node/10025',
      publisher: 'Independent Office for Police Conduct (IOPC)',
      title: 'IOPC concludes Met officer should face misconduct hearing over Chris Kaba shooting',
      publishedOn: '2025-04-30',
    },
    {
      key: 'iopc_blake_pause',
      kind: 'press_release',
      url: 'https://www.policeconduct.gov.uk/news/iopc-pauses-gross-misconduct-proceedings-sergeant-martyn-blake',
      publisher: 'Independent Office for Police Conduct (IOPC)',
      title: 'IOPC pauses gross misconduct proceedings for Sergeant Martyn Blake',
      publishedOn: null,
      notes: 'Publication date not shown in the excerpt (after November 2025).',
    },

    // --- Child Q ---
    {
      key: 'iopc_child_q_outcome',
      kind: 'press_release',
      url: 'https://www.policeconduct.gov.uk/news/gross-misconduct-proven-two-met-officers-strip-search-child-q-hackney-school',
      publisher: 'Independent Office for Police Conduct (IOPC)',
      title: 'Gross misconduct proven for two Met officers in strip search of Child Q at Hackney School',
      publishedOn: '2025-06-26',
    },
    {
      key: 'hackney_child_q_hearing',
      kind: 'press_release',
      url: 'https://news.hackney.gov.uk/news/statement-on-child-q-misconduct-hearing',
      publisher: 'Hackney Council',
      title: 'Statement on Child Q misconduct hearing',
      publishedOn: null,
    },
    {
      key: 'hackney_child_q_iopc_decision',
      kind: 'press_release',
      url: 'https://news.hackney.gov.uk/hearings-must-be-conducted-in-the-swiftest-possible-timeframe-council-responds-to-iopc-investigation-into-child-q-policeofficers/',
      publisher: 'Hackney Council',
      title:
        "'Hearings must be conducted in the swiftest possible timeframe': Council responds to IOPC investigation into Child Q police officers",
      publishedOn: null,
    },
    {
      key: 'bbc_child_q_hearings',
      kind: 'news',
      url: 'https://www.bbc.com/news/uk-england-london-66809168',
      publisher: 'BBC News',
      title: "Child Q: Met officers could be sacked over schoolgirl's strip-search",
      publishedOn: null,
      notes:
        'Undated in the excerpt; the BBC story id and a Hackney Citizen URL dated 2023/09/14 place it in September 2023.',
    },
    {
      key: 'pa_child_q_copy',
      kind: 'news',
      url: 'https://blog.anyfans.com/two-met-police-officers-committed-gross-misconduct-in-child-q-search-panel-says-2',
      publisher: 'PA Media (syndicated copy on blog.anyfans.com)',
      title: 'Two Met Police officers committed gross misconduct in Child Q search, panel says',
      publishedOn: null,
      notes: `${SYNDICATED} PA Media text on a low-authority host; used for the exact day of the search and the equality and diversity outcome.`,
    },

    // --- Bianca Williams and Ricardo dos Santos ---
    {
      key: 'iopc_williams_hearing',
      kind: 'press_release',
      url: 'https://www.policeconduct.gov.uk/news/statement-following-misconduct-hearing-over-stop-and-search-bianca-williams-and-ricardo-dos',
      publisher: 'Independent Office for Police Conduct (IOPC)',
      title:
        'Statement following misconduct hearing over stop and search of Bianca Williams and Ricardo Dos Santos',
      publishedOn: '2023-10-25',
    },
    {
      key: 'inews_williams_sacked',
      kind: 'news',
      url: 'https://inews.co.uk/news/two-met-police-constables-sacked-lying-smelling-cannabis-bianca-williams-stop-search-2711004',
      publisher: 'i (inews.co.uk)',
      title:
        'Two Met Police constables sacked after ‘lying about smelling cannabis’ during Bianca Williams stop and search',
      publishedOn: null,
    },
    {
      key: 'aw_williams_hearing',
      kind: 'news',
      url: 'https://athleticsweekly.com/athletics-news/met-officers-guilty-of-gross-misconduct-over-stop-and-search-of-bianca-williams-1039972661/',
      publisher: 'Athletics Weekly',
      title: 'Met officers guilty of gross misconduct over stop and search of Bianca Williams',
      publishedOn: '2023-10-25',
      notes:
        'Reports the October 2023 finding, which the Police Appeals Tribunal overturned on 4 October 2024.',
    },
    {
      key: 'itv_williams_appeal',
      kind: 'news',
      url: 'https://www.itv.com/news/london/2024-10-04/former-police-officers-win-appeal-over-stop-and-search-of-gb-athletes',
      publisher: 'ITV News',
      title: 'Former police officers win appeal over stop and search of GB athletes',
      publishedOn: '2024-10-04',
    },

    // --- Sources cited only by Commissioner statements ---
    {
      key: 'independent_dick_everard',
      kind: 'news',
      url: 'https://www.independent.co.uk/tv/news/cressida-dick-met-police-murder-sarah-everard-v1be22832',
      publisher: 'The Independent',
      title: 'Cressida Dick on the murder of Sarah Everard (video)',
      publishedOn: null,
      notes: 'Descriptive title; the page headline was not retrieved.',
    },
    {
      key: 'standard_dick_old_bailey',
      kind: 'news',
      url: 'https://standard.co.uk/news/uk/sarah-everard-murder-dame-cressida-dick-met-police-b958153.html',
      publisher: 'Evening Standard',
      title: 'Dame Cressida Dick speaks after the Sarah Everard sentencing',
      publishedOn: null,
      notes: 'Descriptive title; the page headline was not retrieved.',
    },
    {
      key: 'met_casey_interim_response',
      kind: 'press_release',
      url: 'https://news.met.police.uk/news/commissioners-response-to-interim-report-by-baroness-louise-casey-455578',
      publisher: 'Metropolitan Police',
      title: "Commissioner's response to interim report by Baroness Louise Casey",
      publishedOn: null,
      notes: 'Title taken from the URL slug. Release undated in the excerpt.',
    },
    {
      key: 'standard_casey_live',
      kind: 'news',
      url: 'https://www.standard.co.uk/news/london/baroness-casey-report-met-police-review-reaction-latest-live-mark-rowley-b1068746.html?page=2',
      publisher: 'Evening Standard (live blog)',
      title: 'Baroness Casey report: reaction as it happened (live)',
      publishedOn: null,
      notes: 'Descriptive title; the page headline was not retrieved. Live blog entries dated 21 March 2023.',
    },
    {
      key: 'eastern_eye_casey',
      kind: 'news',
      url: 'https://www.easterneye.biz/it-sparks-feelings-of-shame-and-anger-met-chief-on-casey-review/',
      publisher: 'Eastern Eye',
      title: 'It sparks feelings of shame and anger: Met chief on Casey review',
      publishedOn: null,
      notes: 'Title taken from the URL slug; the page header shows a later render date.',
    },
    {
      key: 'bbc_live_rowley_radio_london',
      kind: 'news',
      url: 'https://feeds.bbci.co.uk/news/live/c4gv4pw1jzjt',
      publisher: 'BBC News (live page)',
      title: 'Met Commissioner responds to BBC Panorama (live)',
      publishedOn: null,
      notes: 'Descriptive title; the page headline was not retrieved.',
    },
    {
      key: 'newsio_kaba_family_copy',
      kind: 'news',
      url: 'https://newsio.com/2024/10/21/our-son-deserved-better-family-of-chris-kaba-issue-statement-after-met-officer-cleared-of-murder',
      publisher: 'newsio.com (syndicated news copy)',
      title:
        'Our son deserved better: family of Chris Kaba issue statement after Met officer cleared of murder',
      publishedOn: null,
      notes: `${SYNDICATED} Title taken from the URL slug.`,
    },
  ],

  units: [
    {
      key: 'central_west',
      force: 'metropolitan',
      slug: 'central-west',
      name: 'Central West Command Unit',
      kind: 'bcu',
      description: 'Westminster, Kensington and Chelsea, Hammersmith and Fulham.',
    },
    {
      key: 'charing_cross',
      force: 'metropolitan',
      slug: 'charing-cross',
      name: 'Charing Cross police station',
      kind: 'station',
      parent: 'central_west',
    },
    {
      key: 'central_east',
      force: 'metropolitan',
      slug: 'central-east',
      name: 'Central East Command Unit',
      kind: 'bcu',
      description: 'Hackney and Tower Hamlets.',
    },
    {
      key: 'tsg',
      force: 'metropolitan',
      slug: 'territorial-support-group',
      name: 'Territorial Support Group',
      kind: 'specialist',
      description: 'Public order unit.',
    },
    {
      key: 'padp',
      force: 'metropolitan',
      slug: 'parliamentary-and-diplomatic-protection',
      name: 'Parliamentary and Diplomatic Protection Command',
      kind: 'specialist',
    },
  ],

  officers: [
    // --- Panorama / Charing Cross ---
    {
      key: 'joseph_mcilvenny',
      force: 'metropolitan',
      slug: 'joseph-mcilvenny',
      publishedName: 'Joseph McIlvenny',
      roleType: 'police_officer',
      serviceStatus: 'dismissed',
      ranks: [{ rank: 'sergeant' }],
      postings: [{ unit: 'charing_cross' }],
      identifiers: [],
      claims: [
        {
          source: 'pp_three_dismissed',
          field: 'published_name',
          passage:
            'Sergeant Joseph McIlvenny, PC Martin Borg and PC Phillip Neilson each faced a fast-track misconduct hearing on Thursday (October 23).',
        },
        {
          source: 'pp_three_dismissed',
          field: 'service_status',
          passage: 'were proven and they were dismissed without notice.',
        },
        {
          source: 'pp_three_dismissed',
          field: 'posting',
          note: 'The headline places the three officers at Charing Cross; no dates of posting were retrieved.',
        },
      ],
    },
    {
      key: 'martin_borg',
      force: 'metropolitan',
      slug: 'martin-borg',
      publishedName: 'Martin Borg',
      roleType: 'police_officer',
      serviceStatus: 'dismissed',
      ranks: [{ rank: 'police_constable' }],
      postings: [{ unit: 'charing_cross' }],
      identifiers: [],
      claims: [
        {
          source: 'pp_three_dismissed',
          field: 'published_name',
          passage:
            'Sergeant Joseph McIlvenny, PC Martin Borg and PC Phillip Neilson each faced a fast-track misconduct hearing on Thursday (October 23).',
        },
        {
          source: 'pp_three_dismissed',
          field: 'service_status',
          passage: 'were proven and they were dismissed without notice.',
        },
        {
          source: 'pp_three_dismissed',
          field: 'posting',
          note: 'The headline places the three officers at Charing Cross; no dates of posting were retrieved.',
        },
      ],
    },
    {
      key: 'phillip_neilson',
      force: 'metropolitan',
      slug: 'phillip-neilson',
      publishedName: 'Phillip Neilson',
      roleType: 'police_officer',
      serviceStatus: 'dismissed',
      ranks: [{ rank: 'police_constable' }],
      postings: [{ unit: 'charing_cross' }],
      identifiers: [],
      claims: [
        {
          source: 'pp_three_dismissed',
          field: 'published_name',
          passage:
            'Sergeant Joseph McIlvenny, PC Martin Borg and PC Phillip Neilson each faced a fast-track misconduct hearing on Thursday (October 23).',
        },
        {
          source: 'pp_three_dismissed',
          field: 'service_status',
          passage: 'were proven and they were dismissed without notice.',
        },
        {
          source: 'pp_three_dismissed',
          field: 'posting',
          note: 'The headline places the three officers at Charing Cross; no dates of posting were retrieved.',
        },
      ],
    },
    {
      key: 'clayton_robinson',
      force: 'metropolitan',
      slug: 'clayton-robinson',
      publishedName: 'Clayton Robinson',
      roleType: 'police_officer',
      serviceStatus: 'dismissed',
      ranks: [{ rank: 'sergeant' }],
      postings: [{ unit: 'charing_cross' }],
      identifiers: [],
      claims: [
        {
          source: 'bbc_seventh_officer_sacked',
          field: 'published_name',
          passage: 'On 28 October, Sgt Clayton Robinson was dismissed',
        },
        {
          source: 'bbc_seventh_officer_sacked',
          field: 'posting',
          passage:
            'A Metropolitan Police constable who expressed discriminatory views about Muslims has become the seventh officer based at Charing Cross police station to be sacked following a BBC investigation.',
          note: 'The article lists Sgt Robinson among the seven Charing Cross officers dismissed; no dates of posting were retrieved.',
        },
      ],
    },

    // --- Couzens and Carrick (Parliamentary and Diplomatic Protection) ---
    {
      key: 'wayne_couzens',
      force: 'metropolitan',
      slug: 'wayne-couzens',
      publishedName: 'Wayne Couzens',
      roleType: 'police_officer',
      serviceStatus: 'dismissed',
      ranks: [{ rank: 'police_constable' }],
      postings: [{ unit: 'padp' }],
      identifiers: [],
      claims: [
        {
          source: 'itv_couzens_plea',
          field: 'published_name',
          passage:
            'Metropolitan Police Officer, Wayne Couzens, has pleaded guilty to the murder of 33-year-old Sarah Everard.',
        },
        {
          source: 'guernsey_couzens_shame',
          field: 'rank',
          passage:
            'Dame Cressida Dick was heckled by people calling for her resignation outside the Old Bailey on Thursday after ex-Pc Wayne Couzens, 48, was handed a whole life term.',
        },
        {
          source: 'guernsey_couzens_shame',
          field: 'service_status',
          passage:
            'was sacked by the force after he pleaded guilty to 33-year-old marketing executive Ms Everard’s kidnap, rape and murder.',
        },
        {
          source: 'cnn_couzens_plea_copy',
          field: 'posting',
          passage:
            'Couzens had joined the Met Police in September 2018 and moved to the Parliamentary and Diplomatic Protection Command in February 2020, where his main role was to patrol embassies',
        },
      ],
    },
    {
      key: 'david_carrick',
      force: 'metropolitan',
      slug: 'david-carrick',
      publishedName: 'David Carrick',
      roleType: 'police_officer',
      serviceStatus: 'dismissed',
      ranks: [],
      postings: [{ unit: 'padp' }],
      identifiers: [],
      claims: [
        {
          source: 'bbc_carrick_live',
          field: 'published_name',
          passage:
            'Former Met Police officer David Carrick receives 36 life sentences after pleading guilty to 85 offences, including multiple rapes.',
        },
        {
          source: 'itv_carrick_sacked',
          field: 'service_status',
          passage:
            'David Carrick has been sacked by the Metropolitan Police at a misconduct hearing held in his absence in west London.',
        },
        {
          source: 'inews_carrick_life',
          field: 'posting',
          passage:
            'Carrick, 48, who was an armed officer with the Parliamentary and Diplomatic Protection Command, pleaded guilty to 49 charges against 12 women, including 24 counts of rape',
        },
        {
          source: 'inews_carrick_life',
          field: 'rank',
          note: 'No retrieved passage states his rank, so none is recorded.',
        },
      ],
    },

    // --- Martyn Blake ---
    {
      key: 'martyn_blake',
      force: 'metropolitan',
      slug: 'martyn-blake',
      publishedName: 'Martyn Blake',
      roleType: 'police_officer',
      serviceStatus: 'serving',
      ranks: [{ rank: 'sergeant' }],
      postings: [],
      identifiers: [{ type: 'cipher', identifier: 'NX121', force: 'metropolitan' }],
      claims: [
        {
          source: 'itv_blake_acquitted',
          field: 'published_name',
          passage:
            'Martyn Blake, 40, has been cleared at the Old Bailey for shooting the 24-year-old in Streatham in September 2022, through the windscreen of his car.',
        },
        {
          source: 'iopc_blake_pause',
          field: 'rank',
          passage:
            'We have paused the serving of gross misconduct papers on Sergeant Martyn Blake until the law changes relating to the use of force test in police misconduct cases',
        },
        {
          source: 'iopc_blake_pause',
          field: 'service_status',
          note: 'The IOPC refers to him as a serving sergeant facing gross misconduct papers (after November 2025). A law-firm page claiming a promotion to inspector is unverified and not used.',
        },
        {
          source: 'courtnews_blake_cleared',
          field: 'identifier',
          passage:
            'Blake, known by the cypher NX121, was a passenger in one of the BMWs parked on Kirkstall Gardens in Streatham Hill',
        },
        {
          source: 'guardian_nx121_charged',
          field: 'identifier',
          passage:
            'The officer, who is known only as NX121 at this stage, will appear before Westminster magistrates court on Thursday.',
        },
      ],
    },

    // --- Child Q ---
    {
      key: 'kristina_linge',
      force: 'metropolitan',
      slug: 'kristina-linge',
      publishedName: 'Kristina Linge',
      roleType: 'police_officer',
      serviceStatus: 'dismissed',
      ranks: [{ rank: 'police_constable', detective: true }],
      postings: [],
      identifiers: [],
      claims: [
        {
          source: 'iopc_child_q_outcome',
          field: 'published_name',
          passage:
            'Trainee Detective Constable (T/DC) Kristina Linge and Police Constable (PC) Rafal Szmydynski were found to have breached',
        },
        {
          source: 'iopc_child_q_outcome',
          field: 'service_status',
          passage:
            'PC Linge and PC Szmydynski will be dismissed without notice for gross misconduct, and PC Wray will receive a final written warning that remain in place for two years.',
        },
        {
          source: 'iopc_child_q_outcome',
          field: 'rank',
          note: 'The IOPC gives the rank as Trainee Detective Constable and, elsewhere in the same release, PC; recorded as a constable with the detective prefix.',
        },
      ],
    },
    {
      key: 'rafal_szmydynski',
      force: 'metropolitan',
      slug: 'rafal-szmydynski',
      publishedName: 'Rafal Szmydynski',
      roleType: 'police_officer',
      serviceStatus: 'dismissed',
      ranks: [{ rank: 'police_constable' }],
      postings: [],
      identifiers: [],
      claims: [
        {
          source: 'iopc_child_q_outcome',
          field: 'published_name',
          passage:
            'Trainee Detective Constable (T/DC) Kristina Linge and Police Constable (PC) Rafal Szmydynski were found to have breached',
        },
        {
          source: 'iopc_child_q_outcome',
          field: 'service_status',
          passage:
            'PC Linge and PC Szmydynski will be dismissed without notice for gross misconduct, and PC Wray will receive a final written warning that remain in place for two years.',
        },
      ],
    },
    {
      key: 'pc_wray',
      force: 'metropolitan',
      slug: 'wray',
      publishedName: 'Wray',
      roleType: 'police_officer',
      serviceStatus: 'unknown',
      ranks: [{ rank: 'police_constable' }],
      postings: [],
      identifiers: [],
      claims: [
        {
          source: 'iopc_child_q_outcome',
          field: 'published_name',
          passage:
            'PC Linge and PC Szmydynski will be dismissed without notice for gross misconduct, and PC Wray will receive a final written warning that remain in place for two years.',
          note: 'The retrieved passage gives only the surname, so only the surname is recorded.',
        },
      ],
    },

    // --- Bianca Williams and Ricardo dos Santos ---
    {
      key: 'jonathan_clapham',
      force: 'metropolitan',
      slug: 'jonathan-clapham',
      publishedName: 'Jonathan Clapham',
      roleType: 'police_officer',
      serviceStatus: 'unknown',
      ranks: [{ rank: 'police_constable' }],
      postings: [{ unit: 'tsg' }],
      identifiers: [],
      claims: [
        {
          source: 'iopc_williams_hearing',
          field: 'published_name',
          passage:
            'PC Jonathan Clapham and PC Sam Franks be dismissed without notice for breaching the police standard of professional behaviour relating to honesty and integrity',
        },
        {
          source: 'inews_williams_sacked',
          field: 'posting',
          passage:
            'The Met officers were part of a territorial support group unit who were tasked with helping to cut priority crime such as gang and knife offences.',
        },
        {
          source: 'itv_williams_appeal',
          field: 'service_status',
          passage:
            'Two Metropolitan Police officers who were sacked for gross misconduct after their stop and search of GB athletes Bianca Williams and Ricardo Dos Santos have won an appeal',
          note: 'The 2023 dismissal was overturned on appeal; no retrieved passage says whether he returned to service, so his status is recorded as unknown.',
        },
      ],
    },
    {
      key: 'sam_franks',
      force: 'metropolitan',
      slug: 'sam-franks',
      publishedName: 'Sam Franks',
      roleType: 'police_officer',
      serviceStatus: 'unknown',
      ranks: [{ rank: 'police_constable' }],
      postings: [{ unit: 'tsg' }],
      identifiers: [],
      claims: [
        {
          source: 'iopc_williams_hearing',
          field: 'published_name',
          passage:
            'PC Jonathan Clapham and PC Sam Franks be dismissed without notice for breaching the police standard of professional behaviour relating to honesty and integrity',
        },
        {
          source: 'inews_williams_sacked',
          field: 'posting',
          passage:
            'The Met officers were part of a territorial support group unit who were tasked with helping to cut priority crime such as gang and knife offences.',
        },
        {
          source: 'itv_williams_appeal',
          field: 'service_status',
          passage:
            'Two Metropolitan Police officers who were sacked for gross misconduct after their stop and search of GB athletes Bianca Williams and Ricardo Dos Santos have won an appeal',
          note: 'The 2023 dismissal was overturned on appeal; no retrieved passage says whether he returned to service, so his status is recorded as unknown.',
        },
      ],
    },
  ],

  people: [
    {
      key: 'sarah_everard',
      pseudonym: 'Victim (Couzens case)',
      ageStatus: 'adult',
      sexualOffenceComplainant: true,
      deceased: true,
      publicName: 'Sarah Everard',
      publicNameBasis: 'Named by her family, the police and the courts; deceased.',
    },
    {
      key: 'chris_kaba',
      pseudonym: 'Man shot in Streatham Hill (September 2022)',
      ageStatus: 'adult',
      deceased: true,
      publicName: 'Chris Kaba',
      publicNameBasis: 'Named by his family, the police, the CPS and the courts; deceased.',
    },
    {
      key: 'child_q',
      pseudonym: 'Child Q',
      officialPseudonym: true,
      ageStatus: 'minor',
    },
    {
      key: 'bianca_williams',
      pseudonym: 'Athlete A (Maida Vale stop)',
      ageStatus: 'adult',
      publicName: 'Bianca Williams',
      publicNameBasis:
        'Adult athlete who spoke publicly about the stop; named in IOPC statements and news reports.',
    },
    {
      key: 'ricardo_dos_santos',
      pseudonym: 'Athlete B (Maida Vale stop)',
      ageStatus: 'adult',
      publicName: 'Ricardo dos Santos',
      publicNameBasis:
        'Adult athlete who spoke publicly about the stop; named in IOPC statements and news reports.',
    },
  ],

  incidents: [
    // =====================================================================================
    // 1. BBC Panorama "Undercover in the Police" — Charing Cross, 2024–25
    // =====================================================================================
    {
      key: 'panorama',
      slug: 'panorama-charing-cross-2025',
      title: "BBC Panorama 'Undercover in the Police': officers' conduct at Charing Cross police station",
      summary:
        'A BBC reporter spent about seven months working as a designated detention officer at Charing Cross police station, and Panorama broadcast the resulting film on 1 October 2025; the conduct examined is alleged to have happened on and off duty between August 2024 and January 2025. Before the broadcast the Met said nine officers and one staff member had been suspended (the BBC reported eight officers and one staff member). After an IOPC investigation that began on 12 September 2025, ten officers were directed to accelerated misconduct hearings, and seven serving officers were dismissed in October and November 2025. A sergeant was separately arrested on 2 October 2025 on suspicion of perverting the course of justice.',
      occurred: { on: '2024-08-01', precision: 'month_range', until: '2025-01-31' },
      place: 'Charing Cross police station, London',
      force: 'metropolitan',
      units: ['central_west', 'charing_cross'],
      tags: ['undercover-investigation', 'accelerated-hearing', 'charing-cross'],
      officers: [
        { officer: 'joseph_mcilvenny', role: 'subject' },
        { officer: 'martin_borg', role: 'subject' },
        { officer: 'phillip_neilson', role: 'subject' },
        { officer: 'clayton_robinson', role: 'subject' },
      ],
      people: [],
      claims: [
        {
          source: 'bbc_why_undercover_copy',
          field: 'summary',
          passage:
            'For the next seven months, Rory was employed as a designated detention officer at London’s Charing Cross police station.',
        },
        {
          source: 'bbc_seventh_officer_sacked',
          field: 'title',
          passage: 'Panorama: Undercover in the Police',
        },
        {
          source: 'pp_ten_fast_track',
          field: 'occurred',
          passage: 'are alleged to have occurred both on and off duty between August 2024 and January 2025',
        },
        {
          source: 'pp_rowley_fast_track',
          field: 'summary',
          passage:
            'within 48 hours of these allegations being received, nine officers and one staff member had been suspended, with two more officers removed from frontline duties.',
        },
        {
          source: 'bbc_sergeant_arrested',
          field: 'summary',
          passage:
            'After the Panorama investigation concluded, the BBC sent a detailed list of allegations to the Met, which then suspended eight officers and one staff member',
        },
        {
          source: 'pp_another_gross_misconduct',
          field: 'summary',
          passage: 'between October and November, seven MPS officers were dismissed',
        },
      ],
      events: [
        {
          on: '2025-09-12',
          precision: 'day',
          title: 'IOPC investigation begins after a mandatory referral by the Met',
          description: 'The Met referred the matter to the IOPC after receiving allegations from the BBC.',
          processState: 'investigation_independent',
          claims: [
            {
              source: 'iopc_ten_accelerated_hearings',
              passage:
                'Our investigation began on 12 September following a mandatory referral from the Met Police after it received allegations from the BBC.',
            },
            {
              source: 'pp_ten_fast_track',
              passage:
                'The investigation, which began on September 12, followed a mandatory referral from the Metropolitan Police Service (MPS)',
            },
          ],
        },
        {
          on: '2025-10-01',
          precision: 'day',
          title: 'BBC Panorama broadcasts "Undercover in the Police"',
          claims: [
            {
              source: 'pp_rowley_fast_track',
              passage: 'Responding to the Panorama investigation screened on Wednesday night (October 1)',
            },
            {
              source: 'met_fourth_officer_dismissed',
              passage:
                'The BBC Panorama broadcast on Wednesday, 1 October showed him smiling and boasting to another officer about using excessive force on a restrained detainee.',
            },
          ],
        },
        {
          on: '2025-10-02',
          precision: 'day',
          title: 'A Charing Cross sergeant is arrested on suspicion of perverting the course of justice',
          claims: [
            {
              source: 'lbc_sergeant_arrested',
              passage:
                'a sergeant attached to the Central West Basic Command Unit was arrested following an "incident" on Thursday October 2',
            },
            {
              source: 'bbc_sergeant_arrested',
              passage:
                'A serving Metropolitan Police office has been arrested on suspicion of perverting the course of justice over an allegation linked to a BBC Panorama investigation.',
            },
          ],
        },
        {
          on: '2025-10-09',
          precision: 'day',
          title: 'IOPC decides ten officers should face accelerated misconduct hearings',
          claims: [
            {
              source: 'iopc_ten_accelerated_hearings',
              passage:
                'We have reviewed evidence relating to the conduct of officers based at Charing Cross police station and decided that 10 officers should face accelerated misconduct hearings.',
            },
          ],
        },
        {
          on: '2025-10-23',
          precision: 'day',
          title: 'Three officers dismissed without notice at accelerated hearings',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'pp_three_dismissed',
              passage:
                'Sergeant Joseph McIlvenny, PC Martin Borg and PC Phillip Neilson each faced a fast-track misconduct hearing on Thursday (October 23).',
            },
            {
              source: 'pp_three_dismissed',
              passage: 'were proven and they were dismissed without notice.',
            },
            {
              source: 'pp_three_dismissed',
              passage: 'just 23 days after their behaviour was aired on a BBC Panorama programme',
            },
          ],
        },
        {
          on: '2025-10-01',
          precision: 'month',
          title: 'A fourth officer is dismissed after an accelerated hearing',
          description:
            'The Met release is undated; some reports give 24 October 2025, but that day is not confirmed by a retrieved reputable source.',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'met_fourth_officer_dismissed',
              passage:
                'A fourth officer whose disgraceful conduct at Charing Cross police station was featured on BBC Panorama has been dismissed from the Met.',
            },
            {
              source: 'met_fourth_officer_dismissed',
              passage:
                'attached to Central West Command Unit at the time of the allegations, faced an accelerated misconduct hearing today.',
            },
          ],
        },
        {
          on: '2025-10-28',
          precision: 'day',
          title: 'Sgt Clayton Robinson dismissed',
          description:
            'The BBC reports this and a 7 November dismissal, so not every dismissal took place on 23 or 24 October.',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'bbc_seventh_officer_sacked',
              passage: 'On 28 October, Sgt Clayton Robinson was dismissed',
            },
          ],
        },
        {
          on: '2025-11-07',
          precision: 'day',
          title: 'A further Charing Cross sergeant dismissed',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'bbc_seventh_officer_sacked',
              passage: 'He was sacked on 7 November.',
              note: 'In the BBC article this sentence refers to a sergeant whom this record does not name.',
            },
          ],
        },
        {
          on: '2025-11-01',
          precision: 'month',
          title: 'A seventh officer, a constable, is dismissed',
          description: 'The exact day of this dismissal is not confirmed by a retrieved reputable source.',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'bbc_seventh_officer_sacked',
              passage:
                'A Metropolitan Police constable who expressed discriminatory views about Muslims has become the seventh officer based at Charing Cross police station to be sacked following a BBC investigation.',
            },
            {
              source: 'pp_another_gross_misconduct',
              passage: 'between October and November, seven MPS officers were dismissed',
            },
          ],
        },
        {
          on: '2026-01-01',
          precision: 'month',
          title:
            'Former officer, later with Gloucestershire Constabulary, found he would have been dismissed',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'pp_another_gross_misconduct',
              note: `${NO_PASSAGE} Police Professional and the IOPC reported in February 2026 that this outcome came in January 2026; the exact day is unverified.`,
            },
          ],
        },
        {
          on: '2026-02-01',
          precision: 'month',
          title: 'Former Met constable found to have committed gross misconduct',
          description: 'The panel did not make a finding that he would have been dismissed.',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'pp_another_gross_misconduct',
              note: `${NO_PASSAGE} Reported by this article in February 2026; the exact day of the outcome is not confirmed by a retrieved passage.`,
            },
          ],
        },
      ],
      allegations: [
        {
          key: 'panorama_mcilvenny',
          officer: 'joseph_mcilvenny',
          summary:
            'Gross misconduct allegations about his conduct at Charing Cross, shown in the BBC Panorama film, were proven at an accelerated misconduct hearing on 23 October 2025.',
          standards: [],
          status: 'gross_misconduct_proven',
          conductFrom: '2024-08-01',
          conductTo: '2025-01-31',
          claims: [
            {
              source: 'pp_three_dismissed',
              passage: 'just 23 days after their behaviour was aired on a BBC Panorama programme',
            },
            {
              source: 'pp_ten_fast_track',
              field: 'conduct_dates',
              passage:
                'are alleged to have occurred both on and off duty between August 2024 and January 2025',
            },
            {
              source: 'pp_three_dismissed',
              field: 'standards',
              note: 'The retrieved text does not say which standards were breached, so none are recorded.',
            },
          ],
          findings: [
            {
              key: 'panorama_mcilvenny_hearing',
              track: 'conduct',
              forum: 'accelerated_hearing',
              decidingBody: 'Metropolitan Police accelerated misconduct hearing',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2025-10-23',
              claims: [
                {
                  source: 'pp_three_dismissed',
                  passage:
                    'Sergeant Joseph McIlvenny, PC Martin Borg and PC Phillip Neilson each faced a fast-track misconduct hearing on Thursday (October 23).',
                },
                {
                  source: 'pp_three_dismissed',
                  passage: 'were proven and they were dismissed without notice.',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'dismissal_without_notice',
                  imposedOn: '2025-10-23',
                  claims: [
                    {
                      source: 'pp_three_dismissed',
                      passage: 'were proven and they were dismissed without notice.',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: 'panorama_borg',
          officer: 'martin_borg',
          summary:
            'Gross misconduct allegations about his conduct at Charing Cross, shown in the BBC Panorama film, were proven at an accelerated misconduct hearing on 23 October 2025.',
          standards: [],
          status: 'gross_misconduct_proven',
          conductFrom: '2024-08-01',
          conductTo: '2025-01-31',
          claims: [
            {
              source: 'pp_three_dismissed',
              passage: 'just 23 days after their behaviour was aired on a BBC Panorama programme',
            },
            {
              source: 'pp_ten_fast_track',
              field: 'conduct_dates',
              passage:
                'are alleged to have occurred both on and off duty between August 2024 and January 2025',
            },
            {
              source: 'pp_three_dismissed',
              field: 'standards',
              note: 'The retrieved text does not say which standards were breached, so none are recorded.',
            },
          ],
          findings: [
            {
              key: 'panorama_borg_hearing',
              track: 'conduct',
              forum: 'accelerated_hearing',
              decidingBody: 'Metropolitan Police accelerated misconduct hearing',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2025-10-23',
              claims: [
                {
                  source: 'pp_three_dismissed',
                  passage:
                    'Sergeant Joseph McIlvenny, PC Martin Borg and PC Phillip Neilson each faced a fast-track misconduct hearing on Thursday (October 23).',
                },
                {
                  source: 'pp_three_dismissed',
                  passage: 'were proven and they were dismissed without notice.',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'dismissal_without_notice',
                  imposedOn: '2025-10-23',
                  claims: [
                    {
                      source: 'pp_three_dismissed',
                      passage: 'were proven and they were dismissed without notice.',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: 'panorama_neilson',
          officer: 'phillip_neilson',
          summary:
            'Gross misconduct allegations about his conduct at Charing Cross, shown in the BBC Panorama film, were proven at an accelerated misconduct hearing on 23 October 2025.',
          standards: [],
          status: 'gross_misconduct_proven',
          conductFrom: '2024-08-01',
          conductTo: '2025-01-31',
          claims: [
            {
              source: 'pp_three_dismissed',
              passage: 'just 23 days after their behaviour was aired on a BBC Panorama programme',
            },
            {
              source: 'pp_ten_fast_track',
              field: 'conduct_dates',
              passage:
                'are alleged to have occurred both on and off duty between August 2024 and January 2025',
            },
            {
              source: 'pp_three_dismissed',
              field: 'standards',
              note: 'The retrieved text does not say which standards were breached, so none are recorded.',
            },
          ],
          findings: [
            {
              key: 'panorama_neilson_hearing',
              track: 'conduct',
              forum: 'accelerated_hearing',
              decidingBody: 'Metropolitan Police accelerated misconduct hearing',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2025-10-23',
              claims: [
                {
                  source: 'pp_three_dismissed',
                  passage:
                    'Sergeant Joseph McIlvenny, PC Martin Borg and PC Phillip Neilson each faced a fast-track misconduct hearing on Thursday (October 23).',
                },
                {
                  source: 'pp_three_dismissed',
                  passage: 'were proven and they were dismissed without notice.',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'dismissal_without_notice',
                  imposedOn: '2025-10-23',
                  claims: [
                    {
                      source: 'pp_three_dismissed',
                      passage: 'were proven and they were dismissed without notice.',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: 'panorama_fourth_constable',
          unidentified: 'A fourth Charing Cross police constable (not named in this record)',
          summary:
            'The Met said the Panorama broadcast showed this officer boasting to another officer about using excessive force on a restrained detainee. He was dismissed after an accelerated misconduct hearing in October 2025; the exact day is not confirmed by a retrieved reputable source, so no dated finding is recorded.',
          standards: [],
          status: 'gross_misconduct_proven',
          conductFrom: '2024-08-01',
          conductTo: '2025-01-31',
          claims: [
            {
              source: 'met_fourth_officer_dismissed',
              passage:
                'A fourth officer whose disgraceful conduct at Charing Cross police station was featured on BBC Panorama has been dismissed from the Met.',
            },
            {
              source: 'met_fourth_officer_dismissed',
              passage:
                'attached to Central West Command Unit at the time of the allegations, faced an accelerated misconduct hearing today.',
            },
            {
              source: 'met_fourth_officer_dismissed',
              passage:
                'The BBC Panorama broadcast on Wednesday, 1 October showed him smiling and boasting to another officer about using excessive force on a restrained detainee.',
            },
          ],
        },
        {
          key: 'panorama_robinson',
          officer: 'clayton_robinson',
          summary:
            'Gross misconduct allegations about his conduct at Charing Cross following the BBC Panorama investigation; he was dismissed on 28 October 2025, one of seven Charing Cross officers dismissed.',
          standards: [],
          status: 'gross_misconduct_proven',
          conductFrom: '2024-08-01',
          conductTo: '2025-01-31',
          claims: [
            {
              source: 'bbc_seventh_officer_sacked',
              passage: 'On 28 October, Sgt Clayton Robinson was dismissed',
            },
            {
              source: 'pp_ten_fast_track',
              field: 'conduct_dates',
              passage:
                'are alleged to have occurred both on and off duty between August 2024 and January 2025',
            },
          ],
          findings: [
            {
              key: 'panorama_robinson_outcome',
              track: 'conduct',
              forum: 'other',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2025-10-28',
              summary:
                'The retrieved text reports the dismissal but not the type of hearing or the standards found breached.',
              claims: [
                {
                  source: 'bbc_seventh_officer_sacked',
                  passage: 'On 28 October, Sgt Clayton Robinson was dismissed',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'dismissal_without_notice',
                  imposedOn: '2025-10-28',
                  claims: [
                    {
                      source: 'bbc_seventh_officer_sacked',
                      passage: 'On 28 October, Sgt Clayton Robinson was dismissed',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: 'panorama_sergeant_dismissed_november',
          unidentified: 'A Charing Cross sergeant dismissed on 7 November 2025 (not named in this record)',
          summary:
            'Gross misconduct allegations about his conduct at Charing Cross following the BBC Panorama investigation; he was dismissed on 7 November 2025, one of seven Charing Cross officers dismissed.',
          standards: [],
          status: 'gross_misconduct_proven',
          conductFrom: '2024-08-01',
          conductTo: '2025-01-31',
          claims: [
            {
              source: 'bbc_seventh_officer_sacked',
              passage: 'He was sacked on 7 November.',
              note: 'In the BBC article this sentence refers to a sergeant whom this record does not name.',
            },
          ],
          findings: [
            {
              key: 'panorama_sergeant_november_outcome',
              track: 'conduct',
              forum: 'other',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2025-11-07',
              summary:
                'The retrieved text reports the dismissal but not the type of hearing or the standards found breached.',
              claims: [
                {
                  source: 'bbc_seventh_officer_sacked',
                  passage: 'He was sacked on 7 November.',
                  note: 'In the BBC article this sentence refers to a sergeant whom this record does not name.',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'dismissal_without_notice',
                  imposedOn: '2025-11-07',
                  claims: [
                    {
                      source: 'bbc_seventh_officer_sacked',
                      passage: 'He was sacked on 7 November.',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: 'panorama_seventh_constable',
          unidentified: 'A seventh Charing Cross police constable (not named in this record)',
          summary:
            'The BBC reported that this constable expressed discriminatory views about Muslims; he became the seventh Charing Cross officer dismissed, in November 2025. The exact day is not confirmed by a retrieved reputable source, so no dated finding is recorded.',
          standards: ['equality_diversity'],
          iopcCategory: 'discriminatory_behaviour',
          status: 'gross_misconduct_proven',
          conductFrom: '2024-08-01',
          conductTo: '2025-01-31',
          claims: [
            {
              source: 'bbc_seventh_officer_sacked',
              passage:
                'A Metropolitan Police constable who expressed discriminatory views about Muslims has become the seventh officer based at Charing Cross police station to be sacked following a BBC investigation.',
            },
            {
              source: 'pp_another_gross_misconduct',
              passage: 'between October and November, seven MPS officers were dismissed',
            },
          ],
        },
        {
          key: 'panorama_former_gloucestershire_officer',
          unidentified:
            'A former Gloucestershire Constabulary constable, previously with the Met (not named in this record)',
          summary:
            'One of the ten officers the IOPC directed to accelerated hearings. A panel found in January 2026 that he would have been dismissed had he still been serving; the exact day is unverified, so no dated finding is recorded.',
          standards: [],
          status: 'gross_misconduct_proven',
          claims: [
            {
              source: 'iopc_ten_accelerated_hearings',
              passage:
                'We have reviewed evidence relating to the conduct of officers based at Charing Cross police station and decided that 10 officers should face accelerated misconduct hearings.',
            },
            {
              source: 'pp_another_gross_misconduct',
              note: `${NO_PASSAGE} Police Professional and the IOPC reported this January 2026 outcome in February 2026.`,
            },
          ],
        },
        {
          key: 'panorama_former_met_constable',
          unidentified: 'A former Met police constable (not named in this record)',
          summary:
            'One of the ten officers the IOPC directed to accelerated hearings. In February 2026 a panel found gross misconduct proven but did not find that he would have been dismissed; no dated finding is recorded because the exact day is not confirmed by a retrieved passage.',
          standards: [],
          status: 'gross_misconduct_proven',
          claims: [
            {
              source: 'iopc_ten_accelerated_hearings',
              passage:
                'We have reviewed evidence relating to the conduct of officers based at Charing Cross police station and decided that 10 officers should face accelerated misconduct hearings.',
            },
            {
              source: 'pp_another_gross_misconduct',
              note: `${NO_PASSAGE} Reported by this article in February 2026.`,
            },
          ],
        },
        {
          key: 'panorama_tenth_officer_withdrawn',
          unidentified:
            'A sergeant among the ten officers directed to accelerated hearings (not named in this record)',
          summary: 'Proceedings against this officer were withdrawn.',
          standards: [],
          status: 'withdrawn',
          claims: [
            {
              source: 'iopc_ten_accelerated_hearings',
              passage:
                'We have reviewed evidence relating to the conduct of officers based at Charing Cross police station and decided that 10 officers should face accelerated misconduct hearings.',
            },
            {
              source: 'pp_another_gross_misconduct',
              note: `${NO_PASSAGE} Police Professional and the IOPC reported in February 2026 that proceedings against the tenth officer, a sergeant, were withdrawn.`,
            },
          ],
        },
        {
          key: 'panorama_sergeant_arrested',
          unidentified: 'A sergeant based at Charing Cross police station (not named in this record)',
          summary: 'Arrested on 2 October 2025 on suspicion of perverting the course of justice.',
          standards: [],
          status: 'active_proceedings',
          claims: [
            {
              source: 'bbc_sergeant_arrested',
              passage:
                'A serving Metropolitan Police office has been arrested on suspicion of perverting the course of justice over an allegation linked to a BBC Panorama investigation.',
            },
            {
              source: 'bbc_sergeant_arrested',
              passage:
                'The officer is a sergeant based at Charing Cross police station and was arrested in relation to an incident that took place on Thursday',
            },
            {
              source: 'lbc_sergeant_arrested',
              passage:
                'a sergeant attached to the Central West Basic Command Unit was arrested following an "incident" on Thursday October 2',
            },
          ],
        },
      ],
    },

    // =====================================================================================
    // 2. IOPC Operation Hotton — Charing Cross, 2016–18 conduct
    // =====================================================================================
    {
      key: 'hotton',
      slug: 'operation-hotton',
      title: 'Operation Hotton: IOPC investigations into officers at Charing Cross police station',
      summary:
        'Operation Hotton was nine linked IOPC investigations, referred by the Met in June 2018, into 14 officers, mostly concerning conduct between 2016 and 2018 at Charing Cross police station, including alleged bullying, sexual harassment and discriminatory WhatsApp messages. The Evening Standard says Operation Hotton was sparked in March 2018; the IOPC gives June 2018 as the date the matter was referred to it. On 1 September 2021 a misconduct panel found that two former constables would have been dismissed, and directed that they should not be named. The IOPC published a learning report on 1 February 2022 and welcomed the Met’s acceptance of its 15 recommendations.',
      occurred: { on: '2016-01-01', precision: 'year_range', until: '2018-12-31' },
      place: 'Charing Cross police station, London',
      force: 'metropolitan',
      units: ['charing_cross'],
      tags: ['iopc-investigation', 'learning-report', 'charing-cross'],
      officers: [],
      people: [],
      claims: [
        {
          source: 'iopc_hotton_learning_report',
          passage:
            'We investigated nine linked inquiries known collectively as Operation Hotton, following referrals from the Metropolitan Police Service (MPS).',
        },
        {
          source: 'iopc_hotton_learning_report',
          field: 'occurred',
          passage: 'The allegations stemmed largely from conduct matters occurring between 2016 and 2018.',
        },
        {
          source: 'iopc_hotton_learning_report',
          passage: 'In total, we investigated 14 police officers.',
        },
        {
          source: 'iopc_hotton_learning_report',
          passage: 'officers engaging in conversations on WhatsApp that were discriminatory in nature',
        },
        {
          source: 'iopc_hotton_panel',
          field: 'place',
          passage:
            'These were part of a series of linked IOPC investigations, known as Operation Hotton, involving officers formerly based at Charing Cross Police Station.',
        },
        {
          source: 'standard_hotton',
          passage:
            'Operation Hotton was sparked in March 2018 following allegations that an officer had sex in a police station with a drunk woman.',
        },
      ],
      events: [
        {
          on: '2018-06-01',
          precision: 'month',
          title: 'Matter referred to the IOPC',
          description:
            'The IOPC says the matter was referred to it in June 2018; the Evening Standard says Operation Hotton was sparked in March 2018.',
          processState: 'referred_to_iopc',
          claims: [
            {
              source: 'iopc_hotton_learning_report',
              passage:
                'Operation Hotton began with an allegation of bullying and sexual harassment. The matter was referred to us in June 2018.',
            },
            {
              source: 'standard_hotton',
              passage:
                'Operation Hotton was sparked in March 2018 following allegations that an officer had sex in a police station with a drunk woman.',
            },
          ],
        },
        {
          on: '2021-09-01',
          precision: 'day',
          title: 'Panel finds two former constables would have been dismissed',
          description: 'The panel directed that the former constables should not be named.',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'iopc_hotton_panel',
              passage:
                'The panel delivered the sanctions recently (Wednesday 1 September) at the end of a public hearing organised by the force.',
            },
            {
              source: 'iopc_hotton_panel',
              passage: 'The panel directed that the former police constables should not be named.',
            },
          ],
        },
        {
          on: '2022-02-01',
          precision: 'day',
          title: 'IOPC publishes its Operation Hotton learning report',
          claims: [
            {
              source: 'iopc_hotton_learning_report',
              passage: 'Published 01 Feb 2022',
            },
          ],
        },
        {
          on: '2022-04-08',
          precision: 'day',
          title: 'IOPC welcomes the Met’s acceptance of 15 recommendations',
          claims: [
            {
              source: 'iopc_hotton_recommendations',
              passage:
                'The Independent Office for Police Conduct (IOPC) has welcomed the Metropolitan Police Service’s (MPS) acceptance of 15 recommendations designed to tackle underlying cultural issues',
            },
            {
              source: 'iopc_hotton_recommendations',
              passage: 'highlighted in the IOPC’s Operation Hotton learning report, published in February.',
            },
          ],
        },
      ],
      allegations: [
        {
          key: 'hotton_former_pc_a',
          unidentified:
            'A former Met police constable formerly based at Charing Cross (not named: the panel directed that the former constables should not be named)',
          summary:
            'Alleged to have sent misogynistic and discriminatory text messages; a misconduct panel found that the officer would have been dismissed without notice had they still been serving.',
          standards: ['equality_diversity'],
          iopcCategory: 'discriminatory_behaviour',
          status: 'gross_misconduct_proven',
          claims: [
            {
              source: 'iopc_hotton_panel',
              passage:
                'Two former Metropolitan Police Service (MPS) who sent misogynistic and discriminatory text messages would have been dismissed from the force without notice had they still been serving',
            },
            {
              source: 'iopc_hotton_panel',
              passage: 'The panel directed that the former police constables should not be named.',
            },
          ],
          findings: [
            {
              key: 'hotton_former_pc_a_hearing',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Misconduct panel at a public hearing organised by the Metropolitan Police',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2021-09-01',
              claims: [
                {
                  source: 'iopc_hotton_panel',
                  passage:
                    'The panel delivered the sanctions recently (Wednesday 1 September) at the end of a public hearing organised by the force.',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'would_have_been_dismissed',
                  imposedOn: '2021-09-01',
                  claims: [
                    {
                      source: 'iopc_hotton_panel',
                      passage:
                        'Two former Metropolitan Police Service (MPS) who sent misogynistic and discriminatory text messages would have been dismissed from the force without notice had they still been serving',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: 'hotton_former_pc_b',
          unidentified:
            'A second former Met police constable formerly based at Charing Cross (not named: the panel directed that the former constables should not be named)',
          summary:
            'Alleged to have sent misogynistic and discriminatory text messages; a misconduct panel found that the officer would have been dismissed without notice had they still been serving.',
          standards: ['equality_diversity'],
          iopcCategory: 'discriminatory_behaviour',
          status: 'gross_misconduct_proven',
          claims: [
            {
              source: 'iopc_hotton_panel',
              passage:
                'Two former Metropolitan Police Service (MPS) who sent misogynistic and discriminatory text messages would have been dismissed from the force without notice had they still been serving',
            },
            {
              source: 'iopc_hotton_panel',
              passage: 'The panel directed that the former police constables should not be named.',
            },
          ],
          findings: [
            {
              key: 'hotton_former_pc_b_hearing',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Misconduct panel at a public hearing organised by the Metropolitan Police',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2021-09-01',
              claims: [
                {
                  source: 'iopc_hotton_panel',
                  passage:
                    'The panel delivered the sanctions recently (Wednesday 1 September) at the end of a public hearing organised by the force.',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'would_have_been_dismissed',
                  imposedOn: '2021-09-01',
                  claims: [
                    {
                      source: 'iopc_hotton_panel',
                      passage:
                        'Two former Metropolitan Police Service (MPS) who sent misogynistic and discriminatory text messages would have been dismissed from the force without notice had they still been serving',
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },

    // =====================================================================================
    // 3. Sarah Everard / Wayne Couzens
    // =====================================================================================
    {
      key: 'everard_couzens',
      slug: 'sarah-everard-wayne-couzens',
      title: 'Kidnap, rape and murder of Sarah Everard by PC Wayne Couzens',
      summary:
        'On 3 March 2021 Wayne Couzens, a Met officer serving with the Parliamentary and Diplomatic Protection Command, used his police warrant card and handcuffs to get Sarah Everard into his car in Clapham, south London, and then raped and murdered her. He pleaded guilty to her kidnap, rape and murder (the murder plea on 9 July 2021, after earlier pleas to kidnap and rape) and was sacked by the Met. On 30 September 2021 he was given a whole life order at the Old Bailey.',
      occurred: { on: '2021-03-03', precision: 'day' },
      place: 'Clapham, south London',
      force: 'metropolitan',
      units: ['padp'],
      tags: ['murder', 'abuse-of-position', 'criminal-conviction'],
      officers: [{ officer: 'wayne_couzens', role: 'subject' }],
      people: [{ person: 'sarah_everard', role: 'victim' }],
      claims: [
        {
          source: 'itv_couzens_plea',
          field: 'occurred',
          passage: 'Sarah, a former Durham University student, from York, went missing on 3 March 2021.',
        },
        {
          source: 'indy100_couzens_sentence',
          passage:
            'Couzens used his police warrant card and handcuffs to persuade Everard to get into his vehicle in Clapham, south London, claiming he was imposing coronavirus lockdown measures',
        },
        {
          source: 'guernsey_couzens_shame',
          passage:
            'was sacked by the force after he pleaded guilty to 33-year-old marketing executive Ms Everard’s kidnap, rape and murder.',
        },
        {
          source: 'tle_couzens_whole_life',
          passage:
            'Police officer Wayne Couzens has been sentenced to a whole life term for the murder, rape and kidnap of Sarah Everard.',
        },
      ],
      events: [
        {
          on: '2021-03-03',
          precision: 'day',
          title: 'Sarah Everard goes missing in south London',
          claims: [
            {
              source: 'itv_couzens_plea',
              passage: 'Sarah, a former Durham University student, from York, went missing on 3 March 2021.',
            },
          ],
        },
        {
          on: '2021-07-09',
          precision: 'day',
          title: 'Couzens pleads guilty to murder',
          description: 'He had already pleaded guilty to kidnap and rape at an earlier hearing.',
          processState: 'convicted',
          claims: [
            {
              source: 'itv_couzens_plea',
              passage:
                'Metropolitan Police Officer, Wayne Couzens, has pleaded guilty to the murder of 33-year-old Sarah Everard.',
            },
            {
              source: 'guernsey_couzens_shame',
              passage:
                'was sacked by the force after he pleaded guilty to 33-year-old marketing executive Ms Everard’s kidnap, rape and murder.',
            },
          ],
        },
        {
          on: '2021-09-30',
          precision: 'day',
          title: 'Whole life order imposed at the Old Bailey',
          claims: [
            {
              source: 'times_couzens_whole_life',
              passage:
                'The judge told the Old Bailey the seriousness of the case was so “exceptionally high” that it warranted a whole life order.',
            },
            {
              source: 'tle_couzens_whole_life',
              passage:
                'Police officer Wayne Couzens has been sentenced to a whole life term for the murder, rape and kidnap of Sarah Everard.',
            },
          ],
        },
      ],
      allegations: [
        {
          key: 'couzens_kidnap_rape_murder',
          officer: 'wayne_couzens',
          summary:
            'Kidnap, rape and murder of Sarah Everard, using his police warrant card, handcuffs and belt. He pleaded guilty to all three offences.',
          standards: [],
          status: 'convicted',
          conductFrom: '2021-03-03',
          claims: [
            {
              source: 'guernsey_couzens_shame',
              passage: 'using his police warrant card, handcuffs and belt in her abduction and murder.',
            },
            {
              source: 'guernsey_couzens_shame',
              passage:
                'was sacked by the force after he pleaded guilty to 33-year-old marketing executive Ms Everard’s kidnap, rape and murder.',
            },
          ],
          findings: [
            {
              key: 'couzens_conviction',
              track: 'criminal',
              forum: 'crown_court',
              decidingBody: 'Crown Court (sentenced at the Central Criminal Court, Old Bailey)',
              outcomeTaxonomy: 'ew_criminal_outcomes_v1',
              outcome: 'convicted_on_guilty_plea',
              decidedOn: '2021-07-09',
              chairType: 'judge',
              summary:
                'Convicted on his own pleas: to kidnap and rape at an earlier hearing, and to murder on 9 July 2021.',
              claims: [
                {
                  source: 'itv_couzens_plea',
                  passage:
                    'Metropolitan Police Officer, Wayne Couzens, has pleaded guilty to the murder of 33-year-old Sarah Everard.',
                },
                {
                  source: 'guernsey_couzens_shame',
                  passage:
                    'was sacked by the force after he pleaded guilty to 33-year-old marketing executive Ms Everard’s kidnap, rape and murder.',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_criminal_sentences_v1',
                  code: 'whole_life_order',
                  imposedOn: '2021-09-30',
                  detail: 'Whole life order imposed at the Central Criminal Court (Old Bailey).',
                  claims: [
                    {
                      source: 'times_couzens_whole_life',
                      passage:
                        'The judge told the Old Bailey the seriousness of the case was so “exceptionally high” that it warranted a whole life order.',
                    },
                    {
                      source: 'tle_couzens_whole_life',
                      passage:
                        'Police officer Wayne Couzens has been sentenced to a whole life term for the murder, rape and kidnap of Sarah Everard.',
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },

    // =====================================================================================
    // 4. David Carrick
    // =====================================================================================
    {
      key: 'carrick',
      slug: 'david-carrick',
      title: 'David Carrick: 49 offences against 12 women while a serving Met officer',
      summary:
        'David Carrick, an armed officer with the Parliamentary and Diplomatic Protection Command, pleaded guilty to 49 charges against 12 women, including 24 counts of rape, committed between 2003 and 2020 while he was a serving officer. The Met dismissed him for gross misconduct at a hearing held in his absence in January 2023. On 7 February 2023 he received 36 life sentences with a minimum term of 30 years and 239 days. Reports describe the count differently: the BBC summary says 85 offences, while the pleas were to 49 counts.',
      occurred: { on: '2003-01-01', precision: 'year_range', until: '2020-12-31' },
      force: 'metropolitan',
      units: ['padp'],
      tags: ['sexual-offences', 'criminal-conviction'],
      officers: [{ officer: 'david_carrick', role: 'subject' }],
      people: [],
      claims: [
        {
          source: 'inews_carrick_life',
          passage:
            'Carrick, 48, who was an armed officer with the Parliamentary and Diplomatic Protection Command, pleaded guilty to 49 charges against 12 women, including 24 counts of rape',
        },
        {
          source: 'bbc_carrick_live',
          field: 'occurred',
          passage:
            'He admitted dozens of rapes, against 12 victims between 2003 and 2020, while he was a serving police officer',
        },
        {
          source: 'bbc_carrick_live',
          passage:
            'Former Met Police officer David Carrick receives 36 life sentences after pleading guilty to 85 offences, including multiple rapes.',
        },
        {
          source: 'itv_carrick_sacked',
          passage:
            'He has now admitted 49 charges, including 24 counts of rape against 12 women over an 18-year period.',
        },
      ],
      events: [
        {
          on: '2023-01-16',
          precision: 'day',
          title: 'Carrick’s guilty pleas completed (49 counts in all)',
          description:
            'He pleaded guilty to 43 counts at the Old Bailey on 13 December 2022 and to a further six at Southwark Crown Court on 16 January 2023.',
          processState: 'convicted',
          claims: [
            {
              source: 'itv_carrick_sacked',
              passage:
                'He has now admitted 49 charges, including 24 counts of rape against 12 women over an 18-year period.',
              note: 'The plea dates are as given in a syndicated copy of a Sky News report that was not retrieved verbatim; this passage confirms that all 49 had been admitted by 17 January 2023.',
            },
          ],
        },
        {
          on: '2023-01-17',
          precision: 'day',
          title: 'Carrick dismissed by the Met at a misconduct hearing held in his absence',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'itv_carrick_sacked',
              passage:
                'David Carrick has been sacked by the Metropolitan Police at a misconduct hearing held in his absence in west London.',
            },
          ],
        },
        {
          on: '2023-02-07',
          precision: 'day',
          title: 'Sentenced to 36 life sentences, minimum term 30 years and 239 days',
          claims: [
            {
              source: 'bbc_carrick_live',
              passage: 'published at 14:23 Greenwich Mean Time 7 February 2023',
            },
            {
              source: 'bbc_carrick_live',
              passage:
                'Former Met Police officer David Carrick receives 36 life sentences after pleading guilty to 85 offences, including multiple rapes.',
            },
            {
              source: 'inews_carrick_life',
              passage: 'Carrick will serve a minimum of 30 years and 239 days in prison for his crimes.',
            },
          ],
        },
      ],
      allegations: [
        {
          key: 'carrick_offences',
          officer: 'david_carrick',
          summary:
            '49 charges against 12 women, including 24 counts of rape, committed between 2003 and 2020 while he was a serving police officer. He pleaded guilty to all of them.',
          standards: [],
          status: 'convicted',
          conductFrom: '2003-01-01',
          conductTo: '2020-12-31',
          claims: [
            {
              source: 'inews_carrick_life',
              passage:
                'Carrick, 48, who was an armed officer with the Parliamentary and Diplomatic Protection Command, pleaded guilty to 49 charges against 12 women, including 24 counts of rape',
            },
            {
              source: 'bbc_carrick_live',
              passage:
                'He admitted dozens of rapes, against 12 victims between 2003 and 2020, while he was a serving police officer',
            },
          ],
          findings: [
            {
              key: 'carrick_conviction',
              track: 'criminal',
              forum: 'crown_court',
              decidingBody: 'Crown Court (pleas at the Central Criminal Court and Southwark Crown Court)',
              outcomeTaxonomy: 'ew_criminal_outcomes_v1',
              outcome: 'convicted_on_guilty_plea',
              decidedOn: '2023-01-16',
              chairType: 'judge',
              summary:
                'Convicted on his own pleas, entered at two hearings (13 December 2022 and 16 January 2023); recorded on the date of the last plea.',
              claims: [
                {
                  source: 'itv_carrick_sacked',
                  passage:
                    'He has now admitted 49 charges, including 24 counts of rape against 12 women over an 18-year period.',
                  note: 'The plea dates are as given in a syndicated copy of a Sky News report that was not retrieved verbatim.',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_criminal_sentences_v1',
                  code: 'life_imprisonment',
                  imposedOn: '2023-02-07',
                  detail: '36 life sentences; minimum term 30 years 239 days.',
                  claims: [
                    {
                      source: 'bbc_carrick_live',
                      passage:
                        'Former Met Police officer David Carrick receives 36 life sentences after pleading guilty to 85 offences, including multiple rapes.',
                    },
                    {
                      source: 'inews_carrick_life',
                      passage:
                        'Carrick will serve a minimum of 30 years and 239 days in prison for his crimes.',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: 'carrick_gross_misconduct',
          officer: 'david_carrick',
          summary:
            'Gross misconduct proceedings brought by the Met after he admitted the offences; he was dismissed at a misconduct hearing held in his absence.',
          standards: ['discreditable_conduct'],
          iopcCategory: 'discreditable_conduct',
          status: 'gross_misconduct_proven',
          claims: [
            {
              source: 'bbc_carrick_live',
              passage:
                'Carrick, 48, was sacked by the Met in January for gross misconduct and the force apologised for failing to identify and remove him',
            },
          ],
          findings: [
            {
              key: 'carrick_misconduct_hearing',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Metropolitan Police misconduct hearing',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2023-01-17',
              claims: [
                {
                  source: 'itv_carrick_sacked',
                  passage:
                    'David Carrick has been sacked by the Metropolitan Police at a misconduct hearing held in his absence in west London.',
                },
                {
                  source: 'bbc_carrick_live',
                  passage:
                    'Carrick, 48, was sacked by the Met in January for gross misconduct and the force apologised for failing to identify and remove him',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'dismissal_without_notice',
                  imposedOn: '2023-01-17',
                  claims: [
                    {
                      source: 'itv_carrick_sacked',
                      passage:
                        'David Carrick has been sacked by the Metropolitan Police at a misconduct hearing held in his absence in west London.',
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },

    // =====================================================================================
    // 5. Baroness Casey Review (an independent review; no allegations)
    // =====================================================================================
    {
      key: 'casey_review',
      slug: 'casey-review-2023',
      title: 'Baroness Casey Review of the Metropolitan Police',
      summary:
        'Baroness Louise Casey’s final report on the Met, published on 21 March 2023, concluded that the force is institutionally racist, misogynistic and homophobic. She warned that the Met could be broken up if it does not reform; this was a conditional warning, not a recommendation. Commissioner Sir Mark Rowley accepted her diagnosis but said he would not use the term “institutional”.',
      occurred: { on: '2023-03-21', precision: 'day' },
      force: 'metropolitan',
      units: [],
      tags: ['independent-review'],
      officers: [],
      people: [],
      claims: [
        {
          source: 'bbc_casey_live',
          passage:
            'The Metropolitan Police - Britain\'s biggest police force - is "institutionally racist, misogynist and homophobic", according to a damning report by Baroness Louise Casey that has been published overnight.',
        },
        {
          source: 'cityam_casey',
          passage: 'The Metropolitan Police is “institutionally” racist, misogynistic and homophobic',
        },
        {
          source: 'cityam_casey',
          passage: 'If the force does not reform, it could face being broken up in future, she warned.',
        },
        {
          source: 'times_casey',
          passage: 'breaking the force up should be considered if it does not achieve rapid, major reforms',
        },
        {
          source: 'cityam_casey',
          passage:
            'But while he accepted Casey’s “diagnosis” he said he would not use the term “institutional”.',
        },
      ],
      events: [
        {
          on: '2022-10-17',
          precision: 'day',
          title: 'Interim report on the Met’s misconduct system; the Commissioner responds',
          claims: [
            {
              source: 'met_casey_interim_response',
              note: `${NO_PASSAGE} The Met release is undated in the excerpt; the research dates the Commissioner’s response to 17 October 2022 from a Stylist article carrying the same quote.`,
            },
          ],
        },
        {
          on: '2023-03-21',
          precision: 'day',
          title: 'Final report published',
          claims: [
            {
              source: 'cityam_casey',
              passage: 'The Metropolitan Police is “institutionally” racist, misogynistic and homophobic',
            },
            {
              source: 'bbc_casey_live',
              passage: 'concludes that the Met could be dismantled if it does not reform',
            },
          ],
        },
      ],
      allegations: [],
    },

    // =====================================================================================
    // 6. Chris Kaba / Martyn Blake
    // =====================================================================================
    {
      key: 'kaba_blake',
      slug: 'chris-kaba-martyn-blake',
      title: 'Fatal police shooting of Chris Kaba in Streatham Hill',
      summary:
        'Chris Kaba, 24, was shot by a Met firearms officer in Streatham Hill, south London, on 5 September 2022 and died; a CPS statement gives his date of death as 6 September 2022. The officer, Martyn Blake (known in early proceedings by the cipher NX121), was charged with murder in September 2023 and acquitted at the Old Bailey on 21 October 2024. On 30 April 2025 the IOPC concluded, after reviewing its earlier decision, that he still had a case to answer for gross misconduct over his use of force; it has since paused serving the papers until the law on the use-of-force test changes.',
      occurred: { on: '2022-09-05', precision: 'day' },
      place: 'Streatham Hill, south London',
      force: 'metropolitan',
      units: [],
      tags: ['police-shooting', 'death-after-contact', 'firearms'],
      officers: [{ officer: 'martyn_blake', role: 'subject' }],
      people: [{ person: 'chris_kaba', role: 'victim' }],
      claims: [
        {
          source: 'guardian_nx121_charged',
          field: 'occurred',
          passage: 'Kaba, 24, was killed by a single gunshot on 5 September 2022 in Streatham, south London.',
        },
        {
          source: 'guardian_nx121_charged',
          field: 'place',
          passage:
            'Mr Kaba died on 6 September 2022 after he was struck by a single bullet in Streatham Hill, south London.',
        },
        {
          source: 'itv_blake_acquitted',
          passage:
            'The firearms officer who fatally shot Chris Kaba has been found not guilty of his murder.',
        },
        {
          source: 'iopc_blake_pause',
          passage:
            'We have paused the serving of gross misconduct papers on Sergeant Martyn Blake until the law changes relating to the use of force test in police misconduct cases',
        },
      ],
      events: [
        {
          on: '2022-09-05',
          precision: 'day',
          title: 'Chris Kaba shot by a Met firearms officer',
          description: 'A CPS statement gives the date of death as 6 September 2022.',
          claims: [
            {
              source: 'guardian_nx121_charged',
              passage:
                'Kaba, 24, was killed by a single gunshot on 5 September 2022 in Streatham, south London.',
            },
            {
              source: 'guardian_nx121_charged',
              passage:
                'Mr Kaba died on 6 September 2022 after he was struck by a single bullet in Streatham Hill, south London.',
            },
          ],
        },
        {
          on: '2023-09-01',
          precision: 'month',
          title: 'Officer NX121 charged with murder',
          processState: 'charged',
          claims: [
            {
              source: 'guardian_nx121_charged',
              passage:
                'A Metropolitan police firearms officer has been charged with the murder of Chris Kaba, who was shot dead last year in south London.',
            },
            {
              source: 'guardian_nx121_charged',
              passage:
                'The officer, who is known only as NX121 at this stage, will appear before Westminster magistrates court on Thursday.',
            },
          ],
        },
        {
          on: '2024-10-21',
          precision: 'day',
          title: 'Martyn Blake acquitted of murder at the Old Bailey',
          processState: 'acquitted',
          claims: [
            {
              source: 'itv_blake_acquitted',
              passage:
                'The firearms officer who fatally shot Chris Kaba has been found not guilty of his murder.',
            },
            {
              source: 'itv_blake_acquitted',
              passage:
                'Martyn Blake, 40, has been cleared at the Old Bailey for shooting the 24-year-old in Streatham in September 2022, through the windscreen of his car.',
            },
          ],
        },
        {
          on: '2025-04-30',
          precision: 'day',
          title: 'IOPC review concludes a gross misconduct case to answer remains',
          description:
            'The case-to-answer decision was first made at the end of the IOPC investigation; the IOPC reviewed it after the acquittal.',
          processState: 'case_to_answer_gross_misconduct',
          claims: [
            {
              source: 'iopc_blake_case_to_answer',
              passage: 'Following his acquittal in October 2024, we reviewed our original decision',
            },
            {
              source: 'iopc_blake_case_to_answer',
              passage:
                'we have concluded that there remains a case to answer and misconduct proceedings must go ahead',
            },
          ],
        },
        {
          on: '2025-11-01',
          precision: 'month',
          title: 'The Met asks the IOPC to consider withdrawing its direction',
          description:
            'The IOPC later paused serving the gross misconduct papers until the law on the use-of-force test changes; the date of the pause is not confirmed.',
          claims: [
            {
              source: 'iopc_blake_pause',
              passage:
                'in November the Met asked the IOPC to consider withdrawing our direction that Sgt Blake should face disciplinary proceedings',
            },
          ],
        },
      ],
      allegations: [
        {
          key: 'blake_murder_charge',
          officer: 'martyn_blake',
          summary:
            'Charged with the murder of Chris Kaba; acquitted by a jury at the Old Bailey on 21 October 2024.',
          standards: [],
          status: 'acquitted',
          conductFrom: '2022-09-05',
          conductTo: '2022-09-05',
          claims: [
            {
              source: 'guardian_nx121_charged',
              passage:
                'A Metropolitan police firearms officer has been charged with the murder of Chris Kaba, who was shot dead last year in south London.',
            },
            {
              source: 'itv_blake_acquitted',
              passage:
                'The firearms officer who fatally shot Chris Kaba has been found not guilty of his murder.',
            },
          ],
          findings: [
            {
              key: 'blake_acquittal',
              track: 'criminal',
              forum: 'crown_court',
              decidingBody: 'Central Criminal Court (Old Bailey), jury',
              outcomeTaxonomy: 'ew_criminal_outcomes_v1',
              outcome: 'acquitted',
              decidedOn: '2024-10-21',
              chairType: 'judge',
              summary: 'Found not guilty of murder.',
              claims: [
                {
                  source: 'itv_blake_acquitted',
                  passage:
                    'Martyn Blake, 40, has been cleared at the Old Bailey for shooting the 24-year-old in Streatham in September 2022, through the windscreen of his car.',
                },
              ],
            },
          ],
        },
        {
          key: 'blake_use_of_force_conduct',
          officer: 'martyn_blake',
          summary:
            'The IOPC found that he may have breached the standard on use of force and has a case to answer for gross misconduct. It maintained that decision on review on 30 April 2025, then paused serving the gross misconduct papers until the law on the use-of-force test changes. No misconduct hearing has taken place and no finding has been made.',
          standards: ['use_of_force'],
          iopcCategory: 'use_of_force',
          status: 'case_to_answer',
          conductFrom: '2022-09-05',
          conductTo: '2022-09-05',
          claims: [
            {
              source: 'iopc_blake_case_to_answer',
              passage:
                'he may have breached the police professional standards regarding his use of force and therefore had a case to answer for gross misconduct',
            },
            {
              source: 'iopc_blake_case_to_answer',
              passage:
                'we have concluded that there remains a case to answer and misconduct proceedings must go ahead',
            },
            {
              source: 'iopc_blake_pause',
              passage:
                'We have paused the serving of gross misconduct papers on Sergeant Martyn Blake until the law changes relating to the use of force test in police misconduct cases',
            },
          ],
        },
      ],
    },

    // =====================================================================================
    // 7. Child Q
    // =====================================================================================
    {
      key: 'child_q',
      slug: 'child-q',
      title: 'Strip-search of Child Q at a school in Hackney',
      summary:
        'In December 2020 Met officers strip-searched a 15-year-old girl, known as Child Q, at a school in Hackney with no appropriate adult present, after she was wrongly accused of having drugs (an agency report gives the date as 3 December 2020). A local safeguarding review concluded in March 2022 that she should never have been strip-searched, and in September 2023 the IOPC decided that three officers should face gross misconduct hearings and a fourth a misconduct meeting. On 26 June 2025 a panel found gross misconduct proven against two officers, who were dismissed, and misconduct proven against the third, who received a final written warning; allegations that the three breached the equality and diversity standard were not proven.',
      occurred: { on: '2020-12-01', precision: 'month' },
      place: 'A school in Hackney, London',
      force: 'metropolitan',
      units: ['central_east'],
      tags: ['strip-search', 'child', 'school'],
      officers: [
        { officer: 'kristina_linge', role: 'subject' },
        { officer: 'rafal_szmydynski', role: 'subject' },
        { officer: 'pc_wray', role: 'subject' },
      ],
      people: [{ person: 'child_q', role: 'victim' }],
      claims: [
        {
          source: 'bbc_child_q_hearings',
          field: 'occurred',
          passage:
            'Child Q, 15, was wrongly accused of having drugs and strip-searched on her period, with no appropriate adult present, in Hackney, in December 2020.',
        },
        {
          source: 'pa_child_q_copy',
          field: 'occurred',
          passage:
            'The 15-year-old girl was searched while on her period with no appropriate adult present at a school in Hackney after being accused of carrying drugs on December 3, 2020.',
        },
        {
          source: 'hackney_child_q_iopc_decision',
          passage: 'The review concluded in March 2022 that Child Q should never have been stripsearched',
        },
        {
          source: 'iopc_child_q_outcome',
          passage:
            'PC Linge and PC Szmydynski will be dismissed without notice for gross misconduct, and PC Wray will receive a final written warning that remain in place for two years.',
        },
        {
          source: 'pa_child_q_copy',
          passage:
            'Allegations that all three breached the standards of professional behaviour for equality and diversity were not proven.',
        },
      ],
      events: [
        {
          on: '2020-12-01',
          precision: 'month',
          title: 'Child Q strip-searched at school with no appropriate adult present',
          description:
            'Reputable sources give December 2020; an agency (PA) report carried on a syndicated site gives 3 December 2020.',
          claims: [
            {
              source: 'bbc_child_q_hearings',
              passage:
                'Child Q, 15, was wrongly accused of having drugs and strip-searched on her period, with no appropriate adult present, in Hackney, in December 2020.',
            },
            {
              source: 'pa_child_q_copy',
              passage:
                'The 15-year-old girl was searched while on her period with no appropriate adult present at a school in Hackney after being accused of carrying drugs on December 3, 2020.',
            },
          ],
        },
        {
          on: '2022-03-01',
          precision: 'month',
          title: 'Local safeguarding review concludes Child Q should never have been strip-searched',
          claims: [
            {
              source: 'hackney_child_q_iopc_decision',
              passage: 'The review concluded in March 2022 that Child Q should never have been stripsearched',
            },
          ],
        },
        {
          on: '2023-09-01',
          precision: 'month',
          title:
            'IOPC decides three officers should face gross misconduct hearings, and a fourth a misconduct meeting',
          description:
            'The month is inferred from the BBC story id and a dated Hackney Citizen URL; the retrieved page text is undated. Reports differ on whether the fourth officer faced a meeting or a hearing.',
          processState: 'case_to_answer_gross_misconduct',
          claims: [
            {
              source: 'bbc_child_q_hearings',
              passage:
                'Three Metropolitan Police officers are to face gross misconduct hearings over the strip-search of a schoolgirl.',
            },
            {
              source: 'hackney_child_q_iopc_decision',
              passage:
                'It determined that three officers should face gross misconduct hearings for potential breaches of police standards.',
            },
            {
              source: 'hackney_child_q_iopc_decision',
              passage:
                'A fourth officer, a police constable, will face a misconduct meeting relating to there being no appropriate adult present during the stripsearch.',
            },
          ],
        },
        {
          on: '2025-06-26',
          precision: 'day',
          title: 'Misconduct panel outcome: two officers dismissed, one final written warning',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'iopc_child_q_outcome',
              passage: 'Published: 26 Jun 2025',
            },
            {
              source: 'iopc_child_q_outcome',
              passage:
                'PC Linge and PC Szmydynski will be dismissed without notice for gross misconduct, and PC Wray will receive a final written warning that remain in place for two years.',
            },
          ],
        },
      ],
      allegations: [
        {
          key: 'child_q_linge_search',
          officer: 'kristina_linge',
          summary:
            'The officer’s part in the strip-search of Child Q: the panel found the decision to strip-search disproportionate, inappropriate and unnecessary, and that officers failed to ensure an appropriate adult was present.',
          standards: [],
          iopcCategory: 'police_powers_policies_procedures',
          status: 'gross_misconduct_proven',
          conductFrom: '2020-12-01',
          conductTo: '2020-12-31',
          claims: [
            {
              source: 'iopc_child_q_outcome',
              passage:
                'the decision to perform a strip search of the child – known as Child Q – was disproportionate, inappropriate and unnecessary',
            },
            {
              source: 'iopc_child_q_outcome',
              passage:
                'also found that officers failed to ensure that an appropriate adult was present during the search',
            },
            {
              source: 'iopc_child_q_outcome',
              field: 'standards',
              note: 'The retrieved passages do not list the standards found breached, so none are recorded.',
            },
          ],
          findings: [
            {
              key: 'child_q_linge_hearing',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2025-06-26',
              claims: [
                {
                  source: 'iopc_child_q_outcome',
                  passage:
                    'Trainee Detective Constable (T/DC) Kristina Linge and Police Constable (PC) Rafal Szmydynski were found to have breached',
                },
                {
                  source: 'iopc_child_q_outcome',
                  passage: 'Published: 26 Jun 2025',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'dismissal_without_notice',
                  imposedOn: '2025-06-26',
                  claims: [
                    {
                      source: 'iopc_child_q_outcome',
                      passage:
                        'PC Linge and PC Szmydynski will be dismissed without notice for gross misconduct, and PC Wray will receive a final written warning that remain in place for two years.',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: 'child_q_linge_equality',
          officer: 'kristina_linge',
          summary:
            'Alleged breach of the equality and diversity standard in the strip-search of Child Q. Not proven.',
          standards: ['equality_diversity'],
          iopcCategory: 'discriminatory_behaviour',
          status: 'not_proven',
          conductFrom: '2020-12-01',
          conductTo: '2020-12-31',
          claims: [
            {
              source: 'pa_child_q_copy',
              passage:
                'Allegations that all three breached the standards of professional behaviour for equality and diversity were not proven.',
            },
          ],
          findings: [
            {
              key: 'child_q_linge_equality_hearing',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'not_proven',
              decidedOn: '2025-06-26',
              claims: [
                {
                  source: 'pa_child_q_copy',
                  passage:
                    'Allegations that all three breached the standards of professional behaviour for equality and diversity were not proven.',
                },
                {
                  source: 'hackney_child_q_hearing',
                  passage:
                    'Despite the police disciplinary panel finding it not proven that the officers involved were motivated by racial or unconscious bias',
                },
              ],
            },
          ],
        },
        {
          key: 'child_q_szmydynski_search',
          officer: 'rafal_szmydynski',
          summary:
            'The officer’s part in the strip-search of Child Q: the panel found the decision to strip-search disproportionate, inappropriate and unnecessary, and that officers failed to ensure an appropriate adult was present.',
          standards: [],
          iopcCategory: 'police_powers_policies_procedures',
          status: 'gross_misconduct_proven',
          conductFrom: '2020-12-01',
          conductTo: '2020-12-31',
          claims: [
            {
              source: 'iopc_child_q_outcome',
              passage:
                'the decision to perform a strip search of the child – known as Child Q – was disproportionate, inappropriate and unnecessary',
            },
            {
              source: 'iopc_child_q_outcome',
              passage:
                'also found that officers failed to ensure that an appropriate adult was present during the search',
            },
            {
              source: 'iopc_child_q_outcome',
              field: 'standards',
              note: 'The retrieved passages do not list the standards found breached, so none are recorded.',
            },
          ],
          findings: [
            {
              key: 'child_q_szmydynski_hearing',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2025-06-26',
              claims: [
                {
                  source: 'iopc_child_q_outcome',
                  passage:
                    'Trainee Detective Constable (T/DC) Kristina Linge and Police Constable (PC) Rafal Szmydynski were found to have breached',
                },
                {
                  source: 'iopc_child_q_outcome',
                  passage: 'Published: 26 Jun 2025',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'dismissal_without_notice',
                  imposedOn: '2025-06-26',
                  claims: [
                    {
                      source: 'iopc_child_q_outcome',
                      passage:
                        'PC Linge and PC Szmydynski will be dismissed without notice for gross misconduct, and PC Wray will receive a final written warning that remain in place for two years.',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: 'child_q_szmydynski_equality',
          officer: 'rafal_szmydynski',
          summary:
            'Alleged breach of the equality and diversity standard in the strip-search of Child Q. Not proven.',
          standards: ['equality_diversity'],
          iopcCategory: 'discriminatory_behaviour',
          status: 'not_proven',
          conductFrom: '2020-12-01',
          conductTo: '2020-12-31',
          claims: [
            {
              source: 'pa_child_q_copy',
              passage:
                'Allegations that all three breached the standards of professional behaviour for equality and diversity were not proven.',
            },
          ],
          findings: [
            {
              key: 'child_q_szmydynski_equality_hearing',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'not_proven',
              decidedOn: '2025-06-26',
              claims: [
                {
                  source: 'pa_child_q_copy',
                  passage:
                    'Allegations that all three breached the standards of professional behaviour for equality and diversity were not proven.',
                },
                {
                  source: 'hackney_child_q_hearing',
                  passage:
                    'Despite the police disciplinary panel finding it not proven that the officers involved were motivated by racial or unconscious bias',
                },
              ],
            },
          ],
        },
        {
          key: 'child_q_wray_search',
          officer: 'pc_wray',
          summary:
            'The officer’s part in the strip-search of Child Q. The panel found misconduct (not gross misconduct) proven and imposed a final written warning lasting two years.',
          standards: [],
          iopcCategory: 'police_powers_policies_procedures',
          status: 'misconduct_proven',
          conductFrom: '2020-12-01',
          conductTo: '2020-12-31',
          claims: [
            {
              source: 'iopc_child_q_outcome',
              passage:
                'PC Linge and PC Szmydynski will be dismissed without notice for gross misconduct, and PC Wray will receive a final written warning that remain in place for two years.',
            },
            {
              source: 'iopc_child_q_outcome',
              field: 'standards',
              note: 'The retrieved passages do not list the standards found breached, so none are recorded.',
            },
          ],
          findings: [
            {
              key: 'child_q_wray_hearing',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'misconduct_proven',
              decidedOn: '2025-06-26',
              claims: [
                {
                  source: 'iopc_child_q_outcome',
                  passage:
                    'PC Linge and PC Szmydynski will be dismissed without notice for gross misconduct, and PC Wray will receive a final written warning that remain in place for two years.',
                },
                {
                  source: 'iopc_child_q_outcome',
                  passage: 'Published: 26 Jun 2025',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'final_written_warning',
                  imposedOn: '2025-06-26',
                  detail: 'To remain in place for two years.',
                  claims: [
                    {
                      source: 'iopc_child_q_outcome',
                      passage:
                        'PC Linge and PC Szmydynski will be dismissed without notice for gross misconduct, and PC Wray will receive a final written warning that remain in place for two years.',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: 'child_q_wray_equality',
          officer: 'pc_wray',
          summary:
            'Alleged breach of the equality and diversity standard in the strip-search of Child Q. Not proven.',
          standards: ['equality_diversity'],
          iopcCategory: 'discriminatory_behaviour',
          status: 'not_proven',
          conductFrom: '2020-12-01',
          conductTo: '2020-12-31',
          claims: [
            {
              source: 'pa_child_q_copy',
              passage:
                'Allegations that all three breached the standards of professional behaviour for equality and diversity were not proven.',
            },
          ],
          findings: [
            {
              key: 'child_q_wray_equality_hearing',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'not_proven',
              decidedOn: '2025-06-26',
              claims: [
                {
                  source: 'pa_child_q_copy',
                  passage:
                    'Allegations that all three breached the standards of professional behaviour for equality and diversity were not proven.',
                },
                {
                  source: 'hackney_child_q_hearing',
                  passage:
                    'Despite the police disciplinary panel finding it not proven that the officers involved were motivated by racial or unconscious bias',
                },
              ],
            },
          ],
        },
        {
          key: 'child_q_fourth_officer',
          unidentified: 'A fourth police constable involved in the Child Q search (not named in this record)',
          summary:
            'The IOPC decided this officer should face a misconduct meeting about there being no appropriate adult present during the strip-search. The outcome of that meeting is not recorded here.',
          standards: [],
          iopcCategory: 'police_powers_policies_procedures',
          status: 'case_to_answer',
          conductFrom: '2020-12-01',
          conductTo: '2020-12-31',
          claims: [
            {
              source: 'hackney_child_q_iopc_decision',
              passage:
                'A fourth officer, a police constable, will face a misconduct meeting relating to there being no appropriate adult present during the stripsearch.',
            },
          ],
        },
      ],
    },

    // =====================================================================================
    // 8. Bianca Williams and Ricardo dos Santos
    // =====================================================================================
    {
      key: 'williams_dos_santos',
      slug: 'bianca-williams-ricardo-dos-santos',
      title: 'Stop and search of Bianca Williams and Ricardo dos Santos in Maida Vale',
      summary:
        'On 4 July 2020 officers from a Met Territorial Support Group unit stopped and searched athletes Bianca Williams and Ricardo dos Santos in Maida Vale, west London, and handcuffed them in front of their infant child. On 25 October 2023 a misconduct panel found that PCs Jonathan Clapham and Sam Franks had breached the honesty and integrity standard over their account of smelling cannabis, and they were dismissed; allegations that the officers breached the equality and diversity standard were not proven. On 4 October 2024 the Police Appeals Tribunal overturned the gross misconduct finding against both officers.',
      occurred: { on: '2020-07-04', precision: 'day' },
      place: 'Maida Vale, west London',
      force: 'metropolitan',
      units: ['tsg'],
      tags: ['stop-and-search', 'appeal', 'handcuffing'],
      officers: [
        { officer: 'jonathan_clapham', role: 'subject' },
        { officer: 'sam_franks', role: 'subject' },
      ],
      people: [
        { person: 'bianca_williams', role: 'complainant' },
        { person: 'ricardo_dos_santos', role: 'complainant' },
      ],
      claims: [
        {
          source: 'inews_williams_sacked',
          field: 'occurred',
          passage:
            'lied about smelling cannabis during the stop and search of the athletes, 28 and 29, in Maida Vale, West London on 4 July 2020.',
        },
        {
          source: 'iopc_williams_hearing',
          passage: 'The stop and search in which they were both handcuffed, in front of their infant child',
        },
        {
          source: 'inews_williams_sacked',
          field: 'units',
          passage:
            'The Met officers were part of a territorial support group unit who were tasked with helping to cut priority crime such as gang and knife offences.',
        },
        {
          source: 'itv_williams_appeal',
          passage:
            'Two Metropolitan Police officers who were sacked for gross misconduct after their stop and search of GB athletes Bianca Williams and Ricardo Dos Santos have won an appeal',
        },
      ],
      events: [
        {
          on: '2020-07-04',
          precision: 'day',
          title: 'Stop and search in Maida Vale',
          claims: [
            {
              source: 'inews_williams_sacked',
              passage:
                'lied about smelling cannabis during the stop and search of the athletes, 28 and 29, in Maida Vale, West London on 4 July 2020.',
            },
            {
              source: 'aw_williams_hearing',
              passage:
                'were stopped and handcuffed when driving in Maida Vale in July 2020 with their baby in their vehicle.',
            },
          ],
        },
        {
          on: '2023-10-25',
          precision: 'day',
          title: 'Misconduct hearing: two officers dismissed (later overturned on appeal)',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'iopc_williams_hearing',
              passage: 'Published: 25 Oct 2023',
            },
            {
              source: 'iopc_williams_hearing',
              passage:
                'Two Metropolitan Police Service officers have been dismissed today following a misconduct hearing over the stop and search in Maida Vale, west London',
            },
          ],
        },
        {
          on: '2024-10-04',
          precision: 'day',
          title: 'Police Appeals Tribunal overturns the gross misconduct finding',
          processState: 'outcome_recorded',
          claims: [
            {
              source: 'itv_williams_appeal',
              passage:
                'The finding has been overturned by the Police Appeals Tribunal which found the original decision was “irrational” and “inconsistent”.',
            },
          ],
        },
      ],
      allegations: [
        {
          key: 'williams_clapham_honesty',
          officer: 'jonathan_clapham',
          summary:
            'Alleged to have lied about smelling cannabis during the stop and search. A 2023 panel found the allegation proven and dismissed him; the Police Appeals Tribunal overturned that finding in October 2024.',
          standards: ['honesty_integrity'],
          iopcCategory: 'stop_and_search',
          status: 'overturned_on_appeal',
          conductFrom: '2020-07-04',
          conductTo: '2020-07-04',
          claims: [
            {
              source: 'inews_williams_sacked',
              passage:
                'lied about smelling cannabis during the stop and search of the athletes, 28 and 29, in Maida Vale, West London on 4 July 2020.',
            },
            {
              source: 'itv_williams_appeal',
              passage:
                'The finding has been overturned by the Police Appeals Tribunal which found the original decision was “irrational” and “inconsistent”.',
            },
          ],
          findings: [
            {
              key: 'williams_clapham_hearing_2023',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2023-10-25',
              summary: 'Superseded: overturned by the Police Appeals Tribunal on 4 October 2024.',
              claims: [
                {
                  source: 'iopc_williams_hearing',
                  passage:
                    'PC Jonathan Clapham and PC Sam Franks be dismissed without notice for breaching the police standard of professional behaviour relating to honesty and integrity',
                },
                {
                  source: 'iopc_williams_hearing',
                  passage: 'Published: 25 Oct 2023',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'dismissal_without_notice',
                  imposedOn: '2023-10-25',
                  detail:
                    'Fell with the finding when the Police Appeals Tribunal overturned it on 4 October 2024.',
                  claims: [
                    {
                      source: 'iopc_williams_hearing',
                      passage:
                        'PC Jonathan Clapham and PC Sam Franks be dismissed without notice for breaching the police standard of professional behaviour relating to honesty and integrity',
                    },
                  ],
                },
              ],
            },
            {
              key: 'williams_clapham_pat_2024',
              track: 'conduct',
              forum: 'police_appeals_tribunal',
              decidingBody: 'Police Appeals Tribunal',
              outcomeTaxonomy: 'ew_conduct_appeal_outcomes_2020',
              outcome: 'appeal_allowed_finding_overturned',
              decidedOn: '2024-10-04',
              supersedes: 'williams_clapham_hearing_2023',
              summary:
                'The tribunal found the original decision irrational and inconsistent and overturned the finding.',
              claims: [
                {
                  source: 'itv_williams_appeal',
                  passage:
                    'The finding has been overturned by the Police Appeals Tribunal which found the original decision was “irrational” and “inconsistent”.',
                },
                {
                  source: 'itv_williams_appeal',
                  passage:
                    'Two Metropolitan Police officers who were sacked for gross misconduct after their stop and search of GB athletes Bianca Williams and Ricardo Dos Santos have won an appeal',
                },
              ],
            },
          ],
        },
        {
          key: 'williams_clapham_equality',
          officer: 'jonathan_clapham',
          summary:
            'Alleged breach of the equality and diversity standard (that race played a role in the treatment of the couple). Not proven.',
          standards: ['equality_diversity'],
          iopcCategory: 'discriminatory_behaviour',
          status: 'not_proven',
          conductFrom: '2020-07-04',
          conductTo: '2020-07-04',
          claims: [
            {
              source: 'inews_williams_sacked',
              passage:
                'though the panel found it not proven they had breached equality and diversity standards',
            },
          ],
          findings: [
            {
              key: 'williams_clapham_equality_hearing',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'not_proven',
              decidedOn: '2023-10-25',
              claims: [
                {
                  source: 'inews_williams_sacked',
                  passage:
                    'though the panel found it not proven they had breached equality and diversity standards',
                },
                {
                  source: 'aw_williams_hearing',
                  passage:
                    'the panel found as unproven the claim that the race of the athletes had played a role in their treatment.',
                },
              ],
            },
          ],
        },
        {
          key: 'williams_franks_honesty',
          officer: 'sam_franks',
          summary:
            'Alleged to have lied about smelling cannabis during the stop and search. A 2023 panel found the allegation proven and dismissed him; the Police Appeals Tribunal overturned that finding in October 2024.',
          standards: ['honesty_integrity'],
          iopcCategory: 'stop_and_search',
          status: 'overturned_on_appeal',
          conductFrom: '2020-07-04',
          conductTo: '2020-07-04',
          claims: [
            {
              source: 'inews_williams_sacked',
              passage:
                'lied about smelling cannabis during the stop and search of the athletes, 28 and 29, in Maida Vale, West London on 4 July 2020.',
            },
            {
              source: 'itv_williams_appeal',
              passage:
                'The finding has been overturned by the Police Appeals Tribunal which found the original decision was “irrational” and “inconsistent”.',
            },
          ],
          findings: [
            {
              key: 'williams_franks_hearing_2023',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'gross_misconduct_proven',
              decidedOn: '2023-10-25',
              summary: 'Superseded: overturned by the Police Appeals Tribunal on 4 October 2024.',
              claims: [
                {
                  source: 'iopc_williams_hearing',
                  passage:
                    'PC Jonathan Clapham and PC Sam Franks be dismissed without notice for breaching the police standard of professional behaviour relating to honesty and integrity',
                },
                {
                  source: 'iopc_williams_hearing',
                  passage: 'Published: 25 Oct 2023',
                },
              ],
              sanctions: [
                {
                  taxonomy: 'ew_conduct_sanctions_2020',
                  code: 'dismissal_without_notice',
                  imposedOn: '2023-10-25',
                  detail:
                    'Fell with the finding when the Police Appeals Tribunal overturned it on 4 October 2024.',
                  claims: [
                    {
                      source: 'iopc_williams_hearing',
                      passage:
                        'PC Jonathan Clapham and PC Sam Franks be dismissed without notice for breaching the police standard of professional behaviour relating to honesty and integrity',
                    },
                  ],
                },
              ],
            },
            {
              key: 'williams_franks_pat_2024',
              track: 'conduct',
              forum: 'police_appeals_tribunal',
              decidingBody: 'Police Appeals Tribunal',
              outcomeTaxonomy: 'ew_conduct_appeal_outcomes_2020',
              outcome: 'appeal_allowed_finding_overturned',
              decidedOn: '2024-10-04',
              supersedes: 'williams_franks_hearing_2023',
              summary:
                'The tribunal found the original decision irrational and inconsistent and overturned the finding.',
              claims: [
                {
                  source: 'itv_williams_appeal',
                  passage:
                    'The finding has been overturned by the Police Appeals Tribunal which found the original decision was “irrational” and “inconsistent”.',
                },
                {
                  source: 'itv_williams_appeal',
                  passage:
                    'Two Metropolitan Police officers who were sacked for gross misconduct after their stop and search of GB athletes Bianca Williams and Ricardo Dos Santos have won an appeal',
                },
              ],
            },
          ],
        },
        {
          key: 'williams_franks_equality',
          officer: 'sam_franks',
          summary:
            'Alleged breach of the equality and diversity standard (that race played a role in the treatment of the couple). Not proven.',
          standards: ['equality_diversity'],
          iopcCategory: 'discriminatory_behaviour',
          status: 'not_proven',
          conductFrom: '2020-07-04',
          conductTo: '2020-07-04',
          claims: [
            {
              source: 'inews_williams_sacked',
              passage:
                'though the panel found it not proven they had breached equality and diversity standards',
            },
          ],
          findings: [
            {
              key: 'williams_franks_equality_hearing',
              track: 'conduct',
              forum: 'misconduct_hearing',
              decidingBody: 'Metropolitan Police misconduct panel',
              outcomeTaxonomy: 'ew_conduct_findings_2020',
              outcome: 'not_proven',
              decidedOn: '2023-10-25',
              claims: [
                {
                  source: 'inews_williams_sacked',
                  passage:
                    'though the panel found it not proven they had breached equality and diversity standards',
                },
                {
                  source: 'aw_williams_hearing',
                  passage:
                    'the panel found as unproven the claim that the race of the athletes had played a role in their treatment.',
                },
              ],
            },
          ],
        },
      ],
    },
  ],

  statements: [
    {
      key: 'dick_sickened_2021',
      slug: 'dick-sickened-2021',
      speakerName: 'Dame Cressida Dick',
      speakerRole: 'Commissioner, Metropolitan Police',
      force: 'metropolitan',
      incident: 'everard_couzens',
      saidOn: '2021-07-09',
      summary:
        'After Couzens pleaded guilty to murder, Dick said the Met was sickened by his crimes and that everyone in policing felt betrayed.',
      quote: 'All of us in the Met are sickened, angered and devastated by this man’s crimes.',
      source: 'independent_dick_everard',
      isPromise: false,
    },
    {
      key: 'dick_commit_safety_2021',
      slug: 'dick-commit-safety-2021',
      speakerName: 'Dame Cressida Dick',
      speakerRole: 'Commissioner, Metropolitan Police',
      force: 'metropolitan',
      incident: 'everard_couzens',
      saidOn: '2021-09-30',
      summary:
        'Outside the Old Bailey after the whole life order, Dick apologised and committed the Met to keep working with others to improve safety and reduce the fear of violence.',
      quote:
        'Here in the Met, I commit to keep working with others to improve our safety and reduce the fear of violence.',
      source: 'standard_dick_old_bailey',
      isPromise: true,
      promiseType: 'culture_change',
    },
    {
      key: 'rowley_overhaul_2022',
      slug: 'rowley-overhaul-2022',
      speakerName: 'Sir Mark Rowley',
      speakerRole: 'Commissioner, Metropolitan Police',
      force: 'metropolitan',
      incident: 'casey_review',
      saidOn: '2022-10-17',
      summary:
        "Responding to Baroness Casey's interim report on misconduct, Rowley pledged a radical overhaul of how the Met is organised.",
      quote:
        'We need to radically overhaul how our organisation is set up, and instil our values in everything we do.',
      source: 'met_casey_interim_response',
      isPromise: true,
      promiseType: 'reform',
    },
    {
      key: 'rowley_ruthless_systems_2023',
      slug: 'rowley-ruthless-systems-2023',
      speakerName: 'Sir Mark Rowley',
      speakerRole: 'Commissioner, Metropolitan Police',
      force: 'metropolitan',
      incident: 'carrick',
      saidOn: '2023-01-17',
      summary:
        "After Carrick's guilty pleas, Rowley said he could not guarantee women would not meet such officers but would build systems to force out those unfit to serve.",
      quote: "I'm going to put in place ruthless systems to squeeze out those who shouldn't be with us.",
      source: 'itv_carrick_sacked',
      isPromise: true,
      promiseType: 'root_out',
    },
    {
      key: 'rowley_casey_admission_2023',
      slug: 'rowley-casey-admission-2023',
      speakerName: 'Sir Mark Rowley',
      speakerRole: 'Commissioner, Metropolitan Police',
      force: 'metropolitan',
      incident: 'casey_review',
      saidOn: '2023-03-21',
      summary:
        'On publication of the Casey Review, Rowley acknowledged that the Met has racists, misogynists and homophobes among its staff and vowed that such individuals were being rooted out.',
      quote: 'We have racists, misogynists and homophobes in the organisation.',
      source: 'standard_casey_live',
      isPromise: true,
      promiseType: 'root_out',
    },
    {
      key: 'rowley_catalyst_2023',
      slug: 'rowley-catalyst-2023',
      speakerName: 'Sir Mark Rowley',
      speakerRole: 'Commissioner, Metropolitan Police',
      force: 'metropolitan',
      incident: 'casey_review',
      saidOn: '2023-03-21',
      summary:
        'Rowley said the Casey Review must be a catalyst for police reform and lead to meaningful change.',
      quote: 'It must be a catalyst for police reform.',
      source: 'eastern_eye_casey',
      isPromise: true,
      promiseType: 'reform',
    },
    {
      key: 'rowley_fast_track_2025',
      slug: 'rowley-fast-track-2025',
      speakerName: 'Sir Mark Rowley',
      speakerRole: 'Commissioner, Metropolitan Police',
      force: 'metropolitan',
      incident: 'panorama',
      saidOn: '2025-10-01',
      summary:
        'Responding to Panorama, Rowley apologised and said officers shown with clear evidence of racism, misogyny or boasting about force would be fast-tracked toward likely dismissal.',
      quote: 'they will be put on a fast-track hearing within weeks and on a path to likely dismissal',
      source: 'pp_rowley_fast_track',
      isPromise: true,
      promiseType: 'dismissals',
    },
    {
      key: 'rowley_radio_london_2025',
      slug: 'rowley-radio-london-2025',
      speakerName: 'Sir Mark Rowley',
      speakerRole: 'Commissioner, Metropolitan Police',
      force: 'metropolitan',
      incident: 'panorama',
      saidOn: '2025-10-02',
      summary:
        "On BBC Radio London the morning after the broadcast, Rowley refused to resign, said he wanted the officers gone quickly and said he was dedicated to removing 'cancers' from the Met.",
      quote: 'these cancers in our organisation',
      source: 'bbc_live_rowley_radio_london',
      isPromise: true,
      promiseType: 'root_out',
    },
    {
      key: 'rowley_swift_hearings_2025',
      slug: 'rowley-swift-hearings-2025',
      speakerName: 'Sir Mark Rowley',
      speakerRole: 'Commissioner, Metropolitan Police',
      force: 'metropolitan',
      incident: 'panorama',
      saidOn: '2025-10-24',
      summary:
        "After the fourth dismissal, Rowley said the Met had committed to swift hearings, blamed the BBC's late disclosure of unaired footage for adjournments, and called the misconduct system bureaucratic.",
      quote:
        'The public rightly had an expectation that misconduct proceedings for these officers would be concluded as swiftly as possible and we made that commitment',
      source: 'met_fourth_officer_dismissed',
      isPromise: true,
      promiseType: 'dismissals',
    },
    {
      key: 'rowley_firearms_officers_2024',
      slug: 'rowley-firearms-officers-2024',
      speakerName: 'Sir Mark Rowley',
      speakerRole: 'Commissioner, Metropolitan Police',
      force: 'metropolitan',
      incident: 'kaba_blake',
      saidOn: '2024-10-21',
      summary:
        "After Martyn Blake's acquittal, Rowley defended the split-second decisions of firearms officers.",
      quote: 'No firearms officer sets out on duty intent with ending a life',
      source: 'newsio_kaba_family_copy',
      isPromise: false,
    },
  ],
};
