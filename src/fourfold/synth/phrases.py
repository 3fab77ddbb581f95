# ruff: noqa: E501  (phrase tables are data: one template per line reads better than wrapped strings)
"""Phrase tables for officer-style narratives. Private to the generator: analysis code must never import this
(otherwise accuracy figures would be circular; see tests/synth/test_independence.py).

Slots: {S} suspect as written, {s_he}/{s_him}/{s_his} suspect pronouns, {V} victim as written,
{v_she}/{v_her}/{v_hers} victim pronouns, {n} a count, {d} days, {w} weeks, {day} a weekday, {time} a 24h time,
{channel} a messaging channel, {ident} a phone number or handle, {place} a workplace, {car} a vehicle.
"""

from __future__ import annotations

from fourfold.synth.templating import compile_all

# Behaviours written as a pattern (repetition, counts, durations): records that read like stalking.
PATTERN: dict[str, tuple] = {
    "contacting": compile_all(
        [
            "{S} has been [calling|ringing|phoning] {V} [constantly|non stop|repeatedly|at all hours] - [approx |]{n} calls since [{day}|{date}]",
            "{V} [has rec'd|has received|received|getting] [approx |over |]{n} [msgs|messages|texts|whatsapps] from {S} in the last {d} days",
            "{S} [keeps contacting|continues to contact|wont stop trying to contact] {V} [via|on|through] {channel}[ despite being told to stop| even tho IP has asked {s_him} to stop|]",
            "[daily|constant|repeated] [calls and texts|msgs|contact] from {S} [for approx {w} weeks|for the last {w} weeks|for {w} weeks|since {date}][, up to {n} a day|]",
            "{S} [rang|called] {V} {n} times [yesterday|overnight|between 2200 and 0300hrs|this morning] [and left vmails|withheld number|]",
            "[since {month}|over the last {w} weeks|for weeks now] {S} has [repeatedly|continually] [messaged|texted|called] {V}[ on new numbers|]",
        ]
    ),
    "following": compile_all(
        [
            "{S} [has followed|followed] {V} [home from work|to the shops|from the bus stop|into town] [on at least {n} occasions|again|twice this week]",
            "{V} [states|reports|believes] {S} [has been|is] following {v_her} [in {s_his} car|on foot|around town] [for the last {w} weeks|most days]",
            "{S} [turned up|appeared] behind {V} [at the supermarket|at the gym|on the school run] [again|for the {n}th time]",
        ]
    ),
    "loitering": compile_all(
        [
            "{S} [has been|keeps] [hanging around|loitering|sitting in {s_his} car] [o/s|outside|near|at the end of the road from] {v_hers} [address|house|flat] [most nights|repeatedly|for hours]",
            "[neighbours|a neighbour] [have|has] seen {S} [o/s|outside] the [address|property] [several times|{n} times this week|late at night]",
            "{S} [parks up|waits] [o/s|opposite|outside] {V}'s [home|work|kids school] [daily|every morning|on a regular basis]",
        ]
    ),
    "watching_spying": compile_all(
        [
            "{S} [appears to know|knows] where {V} [has been|goes] [and who with|at all times|each day] - IP [feels watched|believes {v_she} is being watched]",
            "{S} has been [watching|photographing|filming] {V} [through the window|from across the road|at the park] [on {n} occasions|repeatedly]",
            "{S} [sent|messaged] {V} [details|photos] of where {v_she} [had been|was] [that day|the previous evening], [IP did not tell {s_him}|IP has no idea how {s_he} knew]",
        ]
    ),
    "monitoring_online": compile_all(
        [
            "{S} [has accessed|logged into|is monitoring] {V}'s [email|facebook|instagram|icloud] [account|acc] [and read {v_hers} messages|without permission|repeatedly]",
            "{S} [keeps|has been] [viewing|checking|commenting on] {V}'s [social media|instagram stories|facebook] [within minutes of posting|constantly|daily]",
        ]
    ),
    "publishing_material": compile_all(
        [
            "{S} has [posted|put up|shared] [comments|posts|photos|intimate images] about {V} [on facebook|on a local community page|online] [calling {v_her} a liar|with {v_hers} address|]",
            "[posts|messages] about {V} [have appeared|were posted] [online|on social media] [from an account believed to be {S}|naming {v_her}] [on {n} occasions|repeatedly]",
        ]
    ),
    "interfering_property": compile_all(
        [
            "{V}'s {car} [has been|was] [damaged|scratched|keyed] [again|for the {n}th time] - IP [believes|suspects] {S} [responsible|did it]",
            "{S} [has taken|removed|opened] {V}'s [post|mail|parcels] [on several occasions|repeatedly]",
            "[tyres let down|tyres slashed|wing mirror smashed] on {V}'s {car} [again|{n} times now]",
        ]
    ),
    "turning_up_home": compile_all(
        [
            "{S} [has turned up|keeps turning up|attended] [at|to] {V}'s [home|address|door] [uninvited|unannounced|again] [{n} times|repeatedly|late at night]",
            "{S} [knocked|banged] on {V}'s [door|windows] [for approx {n} mins|shouting|at {time}] [again|for the {n}th time this month]",
        ]
    ),
    "turning_up_work": compile_all(
        [
            "{S} [has turned up|keeps appearing|attended] at {V}'s work ({place}) [asking for {v_her}|{n} times|again]",
            "{S} [waits|waited] for {V} [o/s|outside] {place} [at the end of {v_hers} shift|most evenings]",
        ]
    ),
    "gifts": compile_all(
        [
            "{S} [left|sent] [flowers|a card|gifts|a letter|a parcel] [at|to] {V}'s [address|work|car] [unwanted|again|for the {n}th time]",
            "[unwanted gifts|flowers and cards|letters] [keep arriving|have been left] for {V} [from {S}|believed from {S}]",
        ]
    ),
    "threats": compile_all(
        [
            '{S} [has threatened|threatened|told] {V} ["you will regret this"|"ill burn your house down"|that {s_he} will kill {v_her}|that {s_he} will hurt {v_hers} family|"your dead"]',
            "[msgs|texts|voicemails] from {S} [contain|include] threats [to kill|of violence|to hurt {V}]",
            '{S} said [if {v_she} wont see {s_him}|if IP goes to the police] ["youll be sorry"|"i\'ll make you pay"|{s_he} will hurt {v_her}|{s_he} will kill {v_her}]',
        ]
    ),
    "violence": compile_all(
        [
            "{S} [grabbed|pushed|punched|slapped] {V} [causing a cut to {v_hers} arm|causing bruising to {v_hers} face|causing a red mark to {v_hers} neck|to the floor|in the face]",
            "{S} [assaulted|attacked] {V} [on the doorstep|in the street|o/s {v_hers} work] [causing minor injuries|no injuries visible]",
        ]
    ),
    "third_party_contact": compile_all(
        [
            "{S} has [contacted|messaged|been ringing] {V}'s [mum|sister|friends|new partner|colleagues] [asking where {v_she} is|to pass on messages|repeatedly]",
            "{V}'s [family|friends|mum] [are|have been] [getting|receiving] [calls|msgs] from {S} [about {v_her}|asking about {v_her}]",
        ]
    ),
    "fake_accounts": compile_all(
        [
            "{S} [has set up|keeps creating|is using] [new|fake|multiple] [accounts|profiles] on {channel} to [contact|message|follow] {V} [after being blocked|each time IP blocks {s_him}]",
            "[new accounts|fake profiles] [keep|continue to] [appear|pop up] on {channel} [messaging {V}|following {V}] - [believed|thought] to be {S}",
        ]
    ),
    "tracking_device": compile_all(
        [
            "[a tracker|an airtag|a GPS tracking device] [found|located] [on|in|under] {V}'s {car} - IP [believes|suspects] {S} [put it there|responsible]",
            "{S} [has put|installed] [a tracking app|location sharing|spyware] on {V}'s [phone|ipad] [without {v_hers} knowledge|without consent]",
        ]
    ),
    "breach_of_order": compile_all(
        [
            "{S} is subject to [a non molestation order|an NMO|a restraining order|an RO|bail conditions|bail conds] not to contact {V} - [this is a breach|clear breach|breach]",
            "[breach of|breached] [NMO|RO|bail conditions|SPO] - {S} [has contacted|attended|messaged] {V} [again|despite the order|{n} times since the order]",
        ]
    ),
}

# One event only, no history: each record of a cross-record course reads like an ordinary one-off.
SINGLE: dict[str, tuple] = {
    "contacting": compile_all(
        [
            "{V} [rec'd|received|got] a [text|msg|message|voicemail] [from {S}|from {ident}|on {channel}] [last night|this morning|at {time}] [calling {v_her} names|which upset {v_her}|saying {s_he} wants to talk]",
            "{V} [reports|states] an [abusive|unwanted|offensive] [call|text|message] [from {S}|from {ident}] [at {time}|on {day}]",
            "{V} had a [phone call|call] at work from {S} [asking for {v_her}|which {v_she} did not want] - [{V} hung up|colleague took the call]",
        ]
    ),
    "interfering_property": compile_all(
        [
            "{V}'s {car} [found|discovered] [scratched|keyed|with a smashed window|with tyres slashed] [o/s home address|in the work car park] [overnight|this morning]",
            "[criminal damage|damage] to {V}'s {car} [overnight|between {time} and 0700hrs] - [no witnesses|no CCTV|no suspects at this time|IP unsure who]",
            "{V}'s [front door|garden gate|wheelie bin|plant pots] [damaged|smashed] [overnight|at approx {time}]",
        ]
    ),
    "loitering": compile_all(
        [
            "{V} [reports|states] [a male|a female|a person|someone] [seen|standing|sitting in a car] [o/s|outside|opposite] {v_hers} [address|house] [at approx {time}|last night|for about an hour]",
            "[suspicious|unknown] [person|male|vehicle] [o/s|outside] {V}'s address [at {time}|on {day} evening] - [left before police arrival|gone on arrival|area search negative]",
        ]
    ),
    "watching_spying": compile_all(
        [
            "{V} [believes|thinks] {v_she} [was|has been] [watched|photographed] [from a parked car|at the park|while at the gym] [on {day}|today]",
        ]
    ),
    "following": compile_all(
        [
            "{V} [believes|states] {v_she} was followed [home|from the station|from the bus stop] [by a car|by a male] [at approx {time}|on {day}]",
        ]
    ),
    "turning_up_home": compile_all(
        [
            "{S} [attended|turned up at] {V}'s [address|door] [at {time}|on {day}] [asking to talk|unannounced] - [left when asked|left prior to police arrival]",
        ]
    ),
    "turning_up_work": compile_all(
        [
            "[call from|report from] {V}'s [manager|workplace] ({place}) - [a male|{S}] [came in asking for {V}|asked staff where {V} was|waited in reception]",
        ]
    ),
    "breach_of_order": compile_all(
        [
            "[breach of bail|bail breach|breach of NMO|breach of RO] - {S} [seen|reported] [in|near] {V}'s [street|road|area] [which {s_he} is banned from|contrary to conditions]",
            "{S} [arrested|located] for [breach of bail conditions|breach of NMO|breach of RO] after [contacting {V}|attending {V}'s road]",
        ]
    ),
    "gifts": compile_all(
        [
            "[flowers|a card|a parcel|a letter] left [on {V}'s doorstep|on {V}'s car] [with no name|unsigned|from {S}] - IP [unsettled|concerned]",
        ]
    ),
    "threats": compile_all(
        [
            '{V} [rec\'d|received] a [text|message] [from {S}|from {ident}] [saying|stating] ["watch your back"|"you\'ll get whats coming"|"i know where you live"]',
        ]
    ),
    "third_party_contact": compile_all(
        [
            "{V}'s [mum|sister|friend] [reports|states] {S} [messaged|rang] [her|them] asking where {V} [is living|works now]",
            "{S} [rang|called] {V}'s workplace ({place}) [asking for {v_her}|asking what shifts {v_she} works] - [manager|colleague] told {s_him} {v_she} was not available",
        ]
    ),
    "publishing_material": compile_all(
        [
            "[a post|comments] about {V} [appeared|posted] on [facebook|a local group] [from {ident}|by {S}] [calling {v_her} names|with {v_hers} photo]",
        ]
    ),
    "monitoring_online": compile_all(
        [
            "{V} [reports|believes] someone has [logged into|accessed] {v_hers} [email|instagram|facebook] account [- log in alerts|from an unknown device]",
        ]
    ),
    "fake_accounts": compile_all(
        [
            "{V} [getting|rec'd] [follow requests|msgs] on {channel} from [a new account|an account] {ident} [which {v_she} doesn't know|no profile pic]",
        ]
    ),
    "tracking_device": compile_all(
        [
            "[an airtag|a tracker] [found|located] on {V}'s {car} [during a service|by a mechanic|by IP] - unknown who placed it",
        ]
    ),
    "violence": compile_all(
        [
            "{S} [pushed|grabbed] {V} [on the doorstep|in the street] [during an argument|after words exchanged]",
        ]
    ),
}

OPENING = compile_all(
    [
        "[Informant|RP|Caller] [reports|states|called to report|attended front counter to report|has called 101 to report] [that |]",
        "[IP|VIC] [attended front counter|called 101|rang in|called] to report the following: ",
        "[IP|VIC|Informant] [reports|states|called to report]: ",
        "[Call from|Report from|Rec'd call from] [IP|VIC|the victim] - ",
        "",
        "[Attended|Officers attended|PC attended] [IP's address|address|scene]. ",
        "[Online report|Web form|101 call]: ",
    ]
)

RELATIONSHIP_LINE = {
    "ex_partner": compile_all(
        [
            "{S} is {v_hers} ex {s_ex} - [relationship ended|they split up|separated] approx {m} months ago.",
            "[Parties|IP and SUSP] [were in a relationship|were together] for {y} yrs[, split {m} months ago|, ended in {month}|].",
            "IP [was in a relationship|was together|lived] w/ {S} for {y} yrs[ until {month}|].",
            "{S} ({v_hers} ex) [wont accept|cannot accept|has not accepted] the relationship is over.",
        ]
    ),
    "acquaintance": compile_all(
        [
            "{S} is [known to|an acquaintance of|a friend of a friend of] {V}[ from the gym| from school| through church| from the pub|].",
            "[IP knows SUSP|Parties know each other] [from a night out|socially|through mutual friends] - [met|went on] [a couple of dates|one date] [earlier this year|{m} months ago].",
        ]
    ),
    "colleague": compile_all(
        [
            "{S} [works with|is a colleague of|used to work with] {V} at {place}.",
            "[Parties|IP and SUSP] [work together|worked together] at {place}[; HR aware|, IP has told manager|].",
        ]
    ),
    "stranger": compile_all(
        [
            "{V} [does not know|doesn't know] {S}[ - first noticed {s_him} approx {m} months ago| - only knows {s_him} by sight| other than seeing {s_him} on the bus|].",
            "[No relationship|No prior relationship] between parties[ - SUSP unknown to IP until recently|].",
        ]
    ),
    "online_only": compile_all(
        [
            "{V} has never met [the person|the sender|{S}] - contact [only online|only via {channel}].",
            "[Person|Account] unknown to IP[ - only known as {ident}|, uses {ident}].",
        ]
    ),
    "neighbour": compile_all(
        [
            "{S} [lives next door|is {v_hers} neighbour|lives opposite|lives at no. {n}] - [ongoing dispute|long running dispute|dispute] over [parking|the boundary fence|noise|bins|the hedge].",
        ]
    ),
    "business": compile_all(
        [
            "{S} [is a former customer|was a customer] of {place} where {V} [is manager|works|is the owner] - [dispute|grievance|complaint] over [a refund|a job {s_he} says was not done|a sacking|a bill].",
        ]
    ),
}

VICTIM_SUSPECTS = compile_all(
    [
        "[IP|VIC] [believes|suspects|thinks] [it was|this was|it is] {S}",
        "[IP|VIC] [believes|suspects] {S} [is responsible|is behind this|did this]",
        "[IP|VIC] [names|has named] {S} as [the|a possible] [suspect|SUSP|person responsible]",
        "[POI|Possible SUSP]: {S}",
    ]
)

HISTORY_LINE = compile_all(
    [
        "[This has been ongoing|Ongoing|This is ongoing] [since {month}|for {w} weeks|for approx {m} months|since {day}|since {date}|for a while now].",
        "[Numerous|Several|{k}] previous [reports|incidents|calls] [re same|re SUSP|linked].",
        "IP states this is the [{n}th|latest] [incident|time] [and it is getting worse|and {s_he} will not stop|].",
        "[Pattern of behaviour|Repeat behaviour|Same SUSP as previous CADs].",
    ]
)

VICTIM_ACTION = compile_all(
    [
        "IP [has blocked|blocked] {s_his} [number|numbers|accounts|profile] [but {s_he} uses new ones|on all platforms|].",
        "IP has told {S} [to stop|several times to leave {v_her} alone|{v_she} wants no contact] [- ignored|but {s_he} continues|].",
        "IP [has|have] [changed {v_hers} number|come off social media|saved screenshots|kept a diary].",
    ]
)

FEAR_EFFECT = compile_all(
    [
        "IP is [terrified|very frightened|scared to leave the house|in fear {s_he} will hurt {v_her}]",
        "IP [has moved house|has moved out|is staying with {v_hers} mum] [because of|due to] [this|SUSPs behaviour]",
        "IP [has changed {v_hers} route to work|varies {v_hers} route|no longer goes out alone|has stopped going to the gym]",
        "IP [has taken time off work|signed off work with stress|has had to leave {v_hers} job] [due to this|because of the stress]",
        "IP [has installed|had to install] [cameras|a ring doorbell|CCTV|extra locks] [at home|at the address]",
        "IP [is not sleeping|cannot sleep|having panic attacks] and [fears for {v_hers} safety|fears for {v_hers} children]",
    ]
)
FEAR_OF_VIOLENCE = compile_all(
    [
        "IP [fears|is in fear that] {S} [will hurt {v_her}|will carry out the threats|will use violence]",
        "IP [believes|thinks] {S} [will kill {v_her}|is capable of violence|will attack {v_her}]",
    ]
)

CLOSE_STALKING_8Q = compile_all(
    [
        "[Crime raised|Crime recorded] - stalking. [S-DASH completed|DASH + S-DASH completed] - [MEDIUM|HIGH]. [OIC to progress|Referred to SPOC|ISAC referral made].",
        "Recorded as stalking (8Q). [SPO to be considered|SPO application being considered|Risk assessed as HIGH].",
    ]
)
CLOSE_GENERIC = compile_all(
    [
        "[Words of advice given to SUSP|SUSP given words of advice|Advice given to IP re safety|Safety advice given].",
        "[OIC to contact IP|Crime raised, OIC allocated|CAD closed|To be reviewed by supervisor|NFA at this time].",
        "[IP does not support a prosecution|IP happy with advice|IP wants it logged only|IP wants police to speak to SUSP].",
        "[Enquiries ongoing|Area search negative|CCTV enquiries to be made|No lines of enquiry - filed].",
        "",
    ]
)
CLOSE_SUSPECT_ARREST = compile_all(
    [
        "{S} [arrested|interviewed under caution|VA interview booked] - [denies all|denies the offence|no comment interview|admits sending msgs but says they were not threatening].",
        "[SUSP spoken to|Spoke to SUSP by phone] - {s_he} [denies|denies contacting IP|says IP is lying|says {s_he} just wants to talk].",
    ]
)

CHANNELS = (
    "WhatsApp",
    "whatsapp",
    "text",
    "facebook",
    "FB messenger",
    "Instagram",
    "insta",
    "snapchat",
    "Snapchat",
    "tiktok",
    "email",
    "phone",
)
CARS = (
    "car",
    "vehicle",
    "veh",
    "car (blue Corsa)",
    "Fiesta",
    "work van",
    "car (silver Golf)",
    "Audi",
    "motorbike",
)
DAYS = (
    "Monday",
    "Tuesday",
    "Weds",
    "Wednesday",
    "Thurs",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "the weekend",
)
MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "October", "Nov", "December")
WORKPLACES = (
    "Tesco",
    "the hospital",
    "the care home",
    "Greggs",
    "the call centre",
    "Asda",
    "the school",
    "the salon",
    "the council offices",
    "the warehouse",
    "a nursery",
    "the GP surgery",
    "Costa",
    "the pub",
)

# Background incident narratives: the ordinary business of a force (most records).
BACKGROUND: dict[str, tuple] = {
    "assault": compile_all(
        [
            "[Fight|Altercation|Disturbance] [o/s|outside|in] [the {pub}|a takeaway|the kebab shop|town centre] - {V} [punched|assaulted|struck] by {S} [causing a cut to lip|causing swelling to eye|no visible injuries]. [BWV captured|Ambulance not required|SUSP left scene].",
            "{V} [assaulted|attacked|pushed over] by [an unknown male|{S}|a group of youths] [at the bus station|in the park|at a house party] [at approx {time}|on {day}]. [Enquiries ongoing|CCTV requested|No suspect details].",
            "[Assault|ABH|Common assault] - {S} [headbutted|punched|kicked] {V} [after an argument over a taxi|over a spilled drink|during a row about money]. {S} arrested.",
        ]
    ),
    "criminal_damage": compile_all(
        [
            "[Criminal damage|Damage] to {V}'s {car} [o/s home address|in the Tesco car park|overnight] - [wing mirror snapped|window smashed|scratched down one side]. [No witnesses|No CCTV|No lines of enquiry].",
            "[Youths|Unknown persons|Kids] [smashed|threw stones at] [windows|the bus shelter|{V}'s shed window] [at approx {time}|overnight]. [Area search negative|Gone on arrival].",
            "[Graffiti|Damage] to [the front of|fence at] {V}'s [shop|address] - [no suspects|unknown offenders]. [Crime number issued for insurance|Filed].",
        ]
    ),
    "public_order": compile_all(
        [
            "[Drunk male|Group of males|Female] [shouting and swearing|being abusive|causing a disturbance] [in the high street|o/s {pub}|at the train station] [at {time}|on {day} night]. [Dispersed|Arrested for s.5 POA|Words of advice given].",
            "{S} [became abusive|was shouting] towards staff at [Asda|the chemist|the job centre] [after being refused service|over a refund]. [Left prior to police arrival|Banned from store].",
        ]
    ),
    "neighbour_noise": compile_all(
        [
            "[Noise complaint|Loud music|Party] [at|from] no. {n} [at {time}|on {day} night]. {V} [upset|fed up] but [first time reported|no previous issues]. [Council noise team informed|Advice given|Music turned down on arrival].",
            "[Neighbour dispute|Dispute between neighbours] over [parking|a hedge|bins|a shared drive] - [words exchanged|verbal argument only] between {V} and {S}. [No offences disclosed|Civil matter|Both parties given advice].",
        ]
    ),
    "welfare": compile_all(
        [
            "[Concern for welfare|CFW] - {V} [not heard from|not seen|not answering phone] [for {d} days|since {day}] [by family|by her daughter|by neighbours]. [Located safe and well|Door forced, found safe|Ambulance called].",
            "[Concern for welfare|CFW] [call|report] [from {V}'s GP|from a friend|from {V}'s employer] - {V} [low in mood|expressed suicidal thoughts|confused]. [Located safe|MH team informed|Taken to A&E].",
        ]
    ),
    "theft": compile_all(
        [
            "[Shoplifting|Theft from shop] at [Tesco|Boots|Co-op|Aldi] - [male|female|{S}] [took|stole] [meat|alcohol|razors|clothing] to the value of £{n}. [CCTV available|Detained by security|Made off].",
            "[Theft from motor vehicle|TFMV|Theft of pedal cycle] - {V}'s [tools|bike|handbag|sat nav] [stolen|taken] [from the driveway|from the car|o/s the station] [overnight|between {time} and 0800hrs]. [No lines of enquiry|Filed|Serial number recorded].",
            "{V}'s [phone|purse|wallet] [stolen|taken] [on a night out|on the bus|in the gym changing room]. [No suspect|Unknown offender|Crime ref given for insurance].",
        ]
    ),
    "domestic": compile_all(
        [
            "[Verbal argument|Domestic|Argument] between {V} and [partner|husband|boyfriend] {S} [over money|over the kids|after drinking]. [No assault disclosed|No offences disclosed|Both calm on arrival]. [DASH completed - STANDARD|DARA completed - standard]. [{S} left to stay with family|Advice given].",
            "[DA|Domestic incident] - {S} [pushed|grabbed] {V} during a row [at the home address|in the kitchen]. [DASH - MEDIUM|DASH completed]. {S} arrested for common assault.",
        ]
    ),
    "bail_breach": compile_all(
        [
            "{S} [arrested|located] for breach of bail [- curfew|- not at address at {time}|conditions to reside at address]. [Remanded|Re-bailed|Charged].",
            "[Curfew check|Bail check] - {S} not at address at {time}. [Arrested later|Circulated on PNC|Located next day].",
        ]
    ),
    "malicious_comms": compile_all(
        [
            "{V} [rec'd|received] [an abusive|an offensive|a nasty] [text|facebook message|email] from {S} after [a falling out|an argument at a party|a dispute over money]. [One message only|No further contact since|Single message]. [IP does not want further action|Words of advice given|SUSP denies sending it].",
            "[Malicious comms|Mal comms] - {V} [called|messaged] a name on [facebook|a group chat] by {S}. [First time|Not happened before]. [Advice given to block|NFA].",
        ]
    ),
    # Decoys: one-off incidents that use stalking-like words.
    # Decoys: one-off incidents that use stalking-like words (labelled as ordinary records, no course).
    "decoy_ex_text": compile_all(
        [
            "{V} [rec'd|received] [one|a single] angry [text|message] from [ex partner|ex] {S} about [child contact|money owed|the dog]. [No threats made|No further contact since|Not repeated]. IP [just wants it logged|happy with advice]."
        ]
    ),
    "decoy_road_rage": compile_all(
        [
            "[Road rage|Road related incident] - [a driver|{S}] followed {V} for [approx 1 mile|a short distance] after a near miss, [shouted abuse|gesticulated] then drove off. [Not seen before|One off|No further issues]."
        ]
    ),
    "decoy_collect_belongings": compile_all(
        [
            "{S} [turned up|attended] at {V}'s address [once|today] to collect [belongings|the dog|{s_his} things] - [left when asked|no issues|no further contact]. IP [wanted police present|just wanted it logged]."
        ]
    ),
    "decoy_argument": compile_all(
        [
            '[Argument|Verbal altercation] between {V} and {S} [in the pub|at the school gates|at a party] - {S} said "[you\'ll regret that|watch yourself|youre gonna get it]" - [said in the heat of the moment|both drunk|single incident, no history]. [Words of advice|NFA].'
        ]
    ),
    "decoy_mistaken_following": compile_all(
        [
            "{V} [reports|states] {v_she} [thought|felt] {v_she} was being followed [home|from the station] but [it was a neighbour walking the same way|the male went into another house|no one there on checks]. [No offences|NFA]."
        ]
    ),
    "decoy_drunk_messages": compile_all(
        [
            "{S} [messaged|texted] {V} [several times|{n} times] [in one evening|on one night] [while drunk|after a night out] [apologising|asking to talk]. [Has since apologised|No further contact|IP does not feel threatened]. NFA."
        ]
    ),
}
PUBS = ("Red Lion", "Kings Arms", "Wetherspoons", "Crown", "White Hart", "Railway", "Plough", "Swan")

# Other repeated courses (label none): repetition without targeting.
OTHER_COURSE: dict[str, tuple] = {
    "child_contact_dispute": compile_all(
        [
            "[Dispute|Argument|Verbal argument] at child [handover|contact handover] [between {V} and|- {V} w/] [ex partner|ex] {S} - [no offences|no offences disclosed|verbal only]. [Civil matter - advised re family court|Advised to use a contact centre|Both given advice].",
            "{V} [reports|states] {S} [was late returning|did not return] the children [after contact|on {day}] - [children safe and well|returned at {time}]. [Civil matter|Advice re court order].",
            "{S} [called|rang] police [re|about] {V} [not letting {s_him} see the kids|changing contact arrangements] - [civil matter|no offences]. Advised solicitor.",
        ]
    ),
    "repeat_noise": compile_all(
        [
            "[Further|Another|Repeat] noise complaint [re|from] no. {n} - [loud music|party|dog barking] [at {time}|late at night]. [Council ASB team aware|Advice given|Music turned down].",
            "[Noise|Loud music] [again|ongoing] from [the flat above|next door] - {V} [unable to sleep|fed up]. [Not directed at IP|General noise, no abuse|No targeting]. [Refer to council|Advice].",
        ]
    ),
    "repeat_shoplifting": compile_all(
        [
            "[Shoplifting|Theft from shop] at {place} - [known shoplifter|prolific offender] {S} [took|stole] [meat|alcohol|coffee] £{n}. [Store staff|Security] [recognised {s_him}|detained {s_him}].",
        ]
    ),
    "repeat_welfare": compile_all(
        [
            "[Concern for welfare|CFW] [re|for] {V} [again|- repeat caller] - [family worried|not answering door|low mood]. [Located safe and well|MH team aware|Safe at home].",
        ]
    ),
}

# Harassment that is not stalking: a neighbour feud and a grievance against a business.
NEIGHBOUR_FEUD: dict[str, tuple] = {
    "threats": compile_all(
        [
            '{S} [shouted abuse|was shouting and swearing] at {V} [over the fence|in the street|from {s_his} garden] [calling {v_her} a grass|saying "youll get yours"|threatening to smash {v_hers} windows]',
            '{S} [threatened|told] {V} ["i\'ll sort you out"|{s_he} would "put {v_her} in hospital"|to watch {v_hers} back] during [another|a further] row over [the fence|parking|the hedge]',
        ]
    ),
    "interfering_property": compile_all(
        [
            "{S} [has thrown|threw] [rubbish|dog mess|garden waste] into {V}'s garden [again|overnight]",
            "{V}'s [fence panels|plants|car] [damaged|kicked in|sprayed with weedkiller] - IP [believes|sure] {S} [responsible|did it] [after the dispute|as {s_he} was seen]",
        ]
    ),
    "watching_spying": compile_all(
        [
            "{S} has [put up|installed] a camera [pointing into|facing] {V}'s [garden|kitchen window] and [films {v_her}|is filming {v_hers} family]",
        ]
    ),
    "publishing_material": compile_all(
        [
            "{S} [posted|put] [comments|posts] about {V} on [the estate facebook group|a local community page] [calling {v_her} a liar|accusing {v_her} of reporting {s_him}]",
        ]
    ),
}
BUSINESS_GRIEVANCE: dict[str, tuple] = {
    "contacting": compile_all(
        [
            "{S} has [rung|emailed|called] {place} [{n} times|daily|repeatedly] [demanding a refund|demanding to speak to {V}|about {s_his} complaint] and [is abusive to staff|swears at {V}]",
        ]
    ),
    "turning_up_work": compile_all(
        [
            "{S} [came into|turned up at] {place} [again|for the {n}th time] [shouting at {V}|demanding money|refusing to leave]",
        ]
    ),
    "publishing_material": compile_all(
        [
            "{S} has [posted|left] [reviews|posts] [online|on google|on facebook] [naming {V}|calling {V} a thief|accusing {V} of fraud]",
        ]
    ),
    "threats": compile_all(
        [
            '{S} [told|threatened] {V} [{s_he} would "smash the place up"|"you\'ll pay for this"|{s_he} would wait for {v_her} after work]',
        ]
    ),
}
