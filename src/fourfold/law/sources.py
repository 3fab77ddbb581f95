"""Public sources the law tables cite (every row names one); see ../shared/reference/domain.md."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """How far a fact was checked, as domain.md marks it."""

    VERIFIED = "verified"  # read in the primary text
    SECONDARY = "secondary"  # from a media, charity, law-firm or training site
    UNVERIFIED = "unverified"  # from memory; treated as configuration, never as a constant


@dataclass(frozen=True)
class Source:
    document: str  # the public document and section
    reference: str  # the section of reference/domain.md that records it
    url: str
    status: Status = Status.VERIFIED

    def cite(self) -> str:
        flag = "" if self.status is Status.VERIFIED else f" [{self.status.value.upper()}]"
        return f"{self.document} ({self.reference}; {self.url}){flag}"


PHA_S2 = Source(
    "Protection from Harassment Act 1997 ss.1-2",
    "domain.md §3.1",
    "https://wheldonlaw.co.uk/criminal-law-solicitors/harassment-stalking-law-specialists-in-hertfordshire/",
    Status.SECONDARY,
)
PHA_S7 = Source(
    "Protection from Harassment Act 1997 s.7(3) (course of conduct: at least two occasions)",
    "domain.md §3.1",
    "https://www.wwaca.org/stalking-and-harassment",
    Status.SECONDARY,
)
PHA_S2A = Source(
    "Protection from Harassment Act 1997 s.2A (inserted by Protection of Freedoms Act 2012 s.111)",
    "domain.md §3.1",
    "http://legislation.gov.uk/ukpga/1997/40/section/2A/data.html",
)
S2A_COMMENCEMENT = Source(
    "Commencement of PHA 1997 ss.2A and 4A on 25 Nov 2012 (Hansard written answer)",
    "domain.md §3.1",
    "https://eldaddp.azurewebsites.net/answeredquestions.text?hansardHeading=Stalking",
)
PHA_S4 = Source(
    "Protection from Harassment Act 1997 s.4 (maximum raised to 10 years by Policing and Crime Act 2017)",
    "domain.md §3.1",
    "https://wheldonlaw.co.uk/criminal-law-solicitors/harassment-stalking-law-specialists-in-hertfordshire/",
    Status.SECONDARY,
)
PHA_S4A = Source(
    "Protection from Harassment Act 1997 s.4A",
    "domain.md §3.1",
    "http://legislation.gov.uk/ukpga/1997/40/section/4A/data.html",
)
CDA_S32 = Source(
    "Crime and Disorder Act 1998 s.32 (racially or religiously aggravated harassment and stalking)",
    "domain.md §3.1",
    "https://www.waldrons.co.uk/for-you/criminal-defence/general/stalking",
    Status.SECONDARY,
)
PHA_S5 = Source(
    "Protection from Harassment Act 1997 s.5(5) (breach of a restraining order; s.5A on acquittal)",
    "domain.md §3.1",
    "https://wikisum.wiki/wiki/Protection_from_Harassment_Act_1997",
    Status.UNVERIFIED,
)
SPA_S8 = Source(
    "Stalking Protection Act 2019 s.8 (breach of an SPO or interim SPO); PNLD offence code H20164",
    "domain.md §3.2",
    "https://legislation.gov.uk/ukpga/2019/9/crossheading/appeals-and-enforcement/2023-02-07/data.xht",
)
SPA_COMMENCEMENT = Source(
    "Stalking Protection Act 2019 in force 20 Jan 2020 (S.I. 2020/26)",
    "domain.md §3.2",
    "https://legislation.gov.uk/ukpga/2019/9/section/1?view=plain",
)
SCA_S76 = Source(
    "Serious Crime Act 2015 s.76 (controlling or coercive behaviour); CPS guidance",
    "domain.md §2.4",
    "http://cps.gov.uk/node/5643",
)
MCA_S1 = Source(
    "Malicious Communications Act 1988 s.1 (CPS stalking or harassment guidance lists it as related)",
    "domain.md §3.1",
    "https://cps.gov.uk/legal-guidance/stalking-or-harassment",
    Status.UNVERIFIED,
)
HOCR_CLASSES = Source(
    "Home Office crime recording: classes 8L, 8M, 8Q (VAWG stalking and harassment dashboard)",
    "domain.md §2.2",
    ""
    "https://vawg.gss-data.org.uk/dashboards/stalking-and-harassment/copy_of_police-recorded-crime-of-harassment",
)
HOCR_CLASS_8R_8U = Source(
    "Home Office crime recording: classes 8R (malicious communications) and 8U (CCB), from memory",
    "domain.md §2.2",
    "https://vawg.gss-data.org.uk/dashboards/stalking-and-harassment/police-recorded-crime-of-harassment",
    Status.UNVERIFIED,
)
HO_CODES_WMP = Source(
    "Home Office offence codes 8/65, 8/66, 195/12 (West Midlands Police FOI)",
    "domain.md §2.2",
    "http://foi.west-midlands.police.uk/anti-stalking-law-1841_15/",
)
HOCR_PRINCIPAL_CRIME = Source(
    "Home Office Crime Recording Rules, principal crime look-up table (General Rules section F, Annex C)",
    "domain.md §2.1",
    ""
    "http://www.govwire.co.uk/news/home-office/guidance-home-office-crime-recording-rules-for-frontline-officers-staff-83239",
)
RULE_2014 = Source(
    "8Q stalking created as a separate class, April 2014 (VAWG dashboard)",
    "domain.md §2.3 item 1",
    ""
    "https://vawg.gss-data.org.uk/dashboards/stalking-and-harassment/copy_of_police-recorded-crime-of-harassment",
)
RULE_2018 = Source(
    "Course of conduct (stalking, harassment, CCB) recorded in addition to the most serious other offence, "
    "April 2018",
    "domain.md §2.3 item 3",
    ""
    "https://vawg.gss-data.org.uk/dashboards/stalking-and-harassment/copy_of_police-recorded-crime-of-harassment",
)
RULE_2020 = Source(
    "Ex-partner course of conduct recorded as stalking unless satisfied it is harassment only, April 2020",
    "domain.md §2.3 item 4",
    ""
    "https://vawg.gss-data.org.uk/dashboards/stalking-and-harassment/copy_of_police-recorded-crime-of-harassment",
)
RULE_2023 = Source(
    "Return to the principal crime, other disclosed offences logged inside it (PQ answer 24 Apr 2023); "
    "in-force date 31 May 2023 from memory",
    "domain.md §2.3 item 5",
    "https://parallelparliament.co.uk/question/181272",
    Status.UNVERIFIED,
)
INCLUDED_CLASSIFICATIONS = Source(
    "Super-complaint report 2024, Recommendation 7 (included classifications searchable on the crime record)",
    "domain.md §1.3",
    ""
    "https://www.cambs.police.uk/police-forces/cambridgeshire-constabulary/areas/about-us/about-us/stalking-action-plan/",
)
CCB_FORMER_PARTNERS = Source(
    "Domestic Abuse Act 2021 removed the living-together condition for former partners (CCB), 5 Apr 2023",
    "domain.md §2.4",
    ""
    "https://www.gov.uk/government/publications/controlling-or-coercive-behaviour-statutory-guidance-framework",
    Status.UNVERIFIED,
)
OUTCOMES_LIST = Source(
    "Home Office crime outcome types (open data tables user guide; HOCR General Rules section H)",
    "domain.md §7",
    "https://gov.uk/government/statistics/police-recorded-crime-open-data-tables/"
    "police-recorded-crime-and-outcomes-open-data-tables-user-guide",
    Status.UNVERIFIED,
)
OUTCOME_21 = Source(
    "Outcome 21 checklist (Cleveland Police FOI 3825)",
    "domain.md §7",
    "https://www.cleveland.police.uk/foi-ai/cleveland-police/disclosure/2025/january/foi-3825-outcome-21/",
)
OUTCOME_GROUPS = Source(
    "Outcome 22 wording and outcome groups (Gwent Police FOI 2025/28532)",
    "domain.md §7",
    ""
    "https://www.gwent.police.uk/foi-ai/gwent-police/disclosure2/2025/202528532---crime-outcomes-april-2024-march-2025/",
)
PROTOCOL_2018 = Source(
    "NPCC/CPS Joint Protocol on stalking and harassment (23 May 2018): explain why not stalking; no PINs",
    "domain.md §4",
    "https://news.npcc.police.uk/releases/action-on-stalking-and-harassment",
)
FOUR = Source(
    "FOUR (Fixated, Obsessive, Unwanted, Repeated), College of Policing; working definition of stalking",
    "domain.md §5.1",
    "https://hmicfrs.justiceinspectorates.gov.uk/glossary/stalking/",
)
SDASH = Source(
    "S-DASH (2009) stalking and harassment screening questions 1-11",
    "domain.md §5.2",
    "https://docest.com/doc/637366/need-to-insert-a-logo-s1",
)
BREACHES_HMICFRS = Source(
    "HMICFRS 2019: record stalking or harassment when breaches are reported; breaches part of a pattern",
    "domain.md §2.4",
    "https://www.justiceinspectorates.gov.uk/hmicfrs/?recommendation-force=essex",
)
POST_SEPARATION = Source(
    "College of Policing DARA pilot evaluation: post-separation stalking often graded too low",
    "domain.md §5.3",
    ""
    "http://healthdocbox.com/Psychology_and_Psychiatry/114273526-Piloting-a-new-approach-to-domestic-abuse-frontline-risk-assessment.html",
)
VCOP = Source(
    "Victims' Code 2021 Right 6 (victim informed of the outcome)",
    "domain.md §7",
    "https://gov.uk/government/statistics/police-recorded-crime-open-data-tables/"
    "police-recorded-crime-and-outcomes-open-data-tables-user-guide",
)
HOCR_RECORDING_TEST = Source(
    "Crime recording test: victim-oriented, balance of probability (HOCR General Rules section A)",
    "domain.md §2.1",
    "https://hmicfrs.justiceinspectorates.gov.uk/our-work/article/crime-recording-process/",
)
