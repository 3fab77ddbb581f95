# ruff: noqa: E501  (pattern tables: one pattern per line reads better than wrapped strings)
"""Pattern tables: the words and shapes that signal each behaviour, FOUR element, s.4A limb and relationship.

Patterns are data, written in a small notation compiled to spaCy Matcher patterns on the stemmed ``NORM``:
- ``follow|tail``  one token, any of these words (each stemmed: "followed", "FOLOWING" match "follow")
- ``@V``           a word class defined in ``CLASSES``
- ``word?``        optional token
- ``*``            a gap of up to 3 tokens, ``**`` up to 6 (never across punctuation)
Every word is stemmed by ``normalise.stem``, so tables are written in plain dictionary forms.
"""

from __future__ import annotations

from typing import Any

from fourfold.narrative.normalise import stem

CLASSES: dict[str, str] = {
    # the person the conduct is aimed at (object of the act)
    "V": "her|him|them|victim|me|i|us|you|informant|caller|complainant|she|he|v|client|applicant|claimant",
    "POSS": "her|his|their|victim|my|your|the|a|an|its|victim's|'s",
    "CONTACT_VERB": (
        "call|ring|phone|text|message|email|contact|whatsapp|snapchat|facetime|telephone|voicemail|"
        "tweet|dm|inbox|pm"
    ),
    "CONTACT_NOUN": (
        "call|phonecall|text|message|email|voicemail|letter|note|card|dm|whatsapp|snapchat|voice|"
        "request|tweet|reply|sms|facetime"
    ),
    "QUANT": (
        "several|numerous|multiple|many|dozen|hundred|thousand|countless|repeated|constant|"
        "endless|lots|loads|continuous|various|abusive|silent|nuisance|withheld|unwanted|threatening|"
        "malicious|offensive|anonymous|unknown|late|further|more|frequent|persistent|upsetting|missed|daily|nightly|"
        "incessant|relentless|continual|ceaseless|regular|harassing|intimidating|obscene|lengthy|hundreds|dozens|"
        "barrage|stream|flood|torrent|onslaught|deluge|string|volley|spate|influx|load|"
        "distressing|sexual|explicit|begging|pleading|angry|long|nasty|vile|hateful|unsolicited|private|"
        "direct|whatsapp|facebook|instagram|snapchat|tiktok|twitter|phone|text|email|voice"
    ),
    "HOME": "house|home|address|flat|door|doorstep|property|gate|garden|front|window|letterbox|drive|driveway",
    "WORK": "work|workplace|office|shop|job|school|hospital|store|salon|surgery|factory|warehouse|college|"
    "university|gym|station|restaurant|cafe|pub|bar|site|premises|employment|shift",
    "PROPERTY": (
        "car|vehicle|van|tyre|window|windscreen|door|bike|bicycle|bonnet|mirror|fence|lock|"
        "bin|shed|brake|cable|washing|plant|belongings|phone|laptop|garden|property|wheel|paintwork|"
        "motorbike|scooter|gate|plant|pot|bin|item|possession|parcel|clothes|furniture|tv|handbag|bag|key"
    ),
    "THIRD": (
        "mother|mum|mam|dad|father|sister|brother|friend|family|employer|boss|manager|colleague|coworker|"
        "workplace|work|hr|neighbour|child|kid|son|daughter|parent|relative|school|nan|grandmother|"
        "grandfather|aunt|uncle|cousin|landlord|teacher|nursery|partner|boyfriend|girlfriend|husband|wife|"
        "flatmate|housemate|daughter|workmate|doctor|church|club|team|carer|solicitor|follower|contacts"
    ),
    "GAPWORD": "repeatedly|constantly|continually|again|still|also|then|now|even|just|later|regularly",
    "WOULD": "would|will|going|gonna|wanted|want|intend",
    "HARM": (
        "kill|hurt|stab|attack|beat|burn|shoot|harm|slit|break|punch|smash|batter|rape|strangle|murder|"
        "bomb|maim|injure|cut|torch|ruin|destroy|smack|slap|kick|end|finish|throttle|choke|strangle|bury|"
        "disfigure|acid"
    ),
    "NUMWORD": (
        "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
        "hundred|dozen|several|numerous|multiple|many|0|barrage|stream|flood|torrent|"
        "onslaught|deluge|string|volley|spate|influx"
    ),
}

BEHAVIOURS: dict[str, list[str]] = {
    # PHA 1997 s.2A(3)(a) following a person
    "following": [
        "follow|tail|trail|pursue|chase @V",
        "follow|tail|trail|pursue|chase @POSS? car|vehicle|taxi|bus|train",
        "be|get follow|tail|trail|chase",
        "drive|walk|cycle|run behind|after @V",
        "show|turn up wherever|everywhere",
        "appear|turn|be|show wherever|everywhere @V",
        "wherever|everywhere @V go",
        "follow * home|around|round|about|into|onto|off|from|through|along|down",
        "sign|join up? to? @POSS gym|class|club|church|course",
        "same gym|class|club|bus|train",
        "turn up * same",
        "turn|turning|show|showing up|appear|appearing * place|places where? @V",
        "turn|show up|appear|pop behind @V|@POSS",
    ],
    # s.2A(3)(b) contacting, or attempting to contact, by any means
    "contacting": [
        "@CONTACT_VERB the? @V",
        "write|wrote to the? @V",
        "harass|pester|bother|abuse|target|plague|torment the? @V * by|via|over|through|on * phone|telephone|text|email|message|call|letter|social|instagram|facebook|whatsapp|snapchat|tiktok|twitter|linkedin",
        "send|write|leave * @V * @CONTACT_NOUN",
        "@CONTACT_VERB|write|send|leave|give|hand * @V a|an|the|some|several|numerous|multiple|another? @CONTACT_NOUN|photo|picture|image|video|gift|flower|parcel|package|link",
        "@CONTACT_VERB|write|send|leave|hand|deliver a|an|the|another|some|one|several? @CONTACT_NOUN * to @V",
        "be @CONTACT_VERB|contact|approach|message by",
        "send|sent|leave|write|deliver @QUANT|@NUMWORD|a|an|another|one? of? @QUANT? @CONTACT_NOUN",
        "@QUANT|@NUMWORD of? @QUANT? @CONTACT_NOUN",
        "@QUANT|@NUMWORD @QUANT|@NUMWORD of? @QUANT? @CONTACT_NOUN",
        "over|approximately|around|about|nearly|almost|least|than|some|another @NUMWORD @QUANT? @CONTACT_NOUN",
        "receive|get|receiving * @CONTACT_NOUN|contact",
        "try|attempt|keep|continue|start|still|persist to? contact|call|ring|phone|text|message|reach|speak|talk|email|get|make",
        "try|attempt to get in touch|contact",
        "get in touch|contact with? @V",
        "approach|confront|accost @V",
        "speak|talk|whisper to @V",
        "ask @V out",
        "keep|kept|still|continue|constantly|repeatedly|start|starting @CONTACT_VERB",
        "ring|call|text|message|email|phone|bombard|inundate @V|@POSS? * with",
        "tag @V in",
        "comment on @POSS * post|photo|picture|status",
        "@CONTACT_VERB @V|@POSS? * day|night|hour|week|time|occasion",
        "friend|follow request",
        "voice note|notes",
        "contact|call|message|email|text * from * number|account|phone",
        "silent|withheld|nuisance|abusive|anonymous call|text|message",
        "turn|show up and? * speak|talk|argue|confront|tell|ask",
        "tell|say|state to? @V * love|miss|want",
        "letter|note|card|message be|been|get push|leave|post|put|deliver|send|slip|hand",
        "letter|note|card * under|on|through|behind * wiper|windscreen|letterbox",
    ],
    # s.2A(3)(c) publishing material relating to, or purporting to originate from, a person
    "publishing_material": [
        "post|share|publish|upload|put|spread|distribute|circulate|leak|repost|reshare|forward * photo|picture|image|video|address|detail|number|rumour|lie|story|footage|pic|nude|screenshot|information|allegation|claim",
        "post|write|publish|upload|put|share|spread * about @V",
        "post|write|publish|upload|put|share|spread|make * on|online|onto * facebook|instagram|twitter|tiktok|website|forum|media|internet|online|group|page|site|chat|blog|reddit|snapchat|youtube",
        "put|post|stick up? * poster|leaflet|flyer|sign|note",
        "blog|facebook|instagram|online|social post|page|video|status * about|claim|saying|call|accusing|describe",
        "set|create|make * page|profile|account * in @POSS name",
        "pretend|claim|purport|pose to? be|as @V",
        "impersonate|impersonating @V",
        "intimate|naked|nude|explicit|sexual image|photo|picture|video|pic",
        "post|tweet|write * call @V",
        "tag @V in * post",
        "false|fake post|claim|review|allegation|rumour",
        "post|write|publish|leave|put * review|blog|article|status|video|tweet|comment * about|of|on|online",
        "spread|spreading rumour|lie|gossip",
        "repost|reshare @POSS * story|post|photo|picture|status|image|video",
        "be post|publish|share|upload|circulate|leak",
    ],
    # s.2A(3)(d) monitoring use of the internet, email or other electronic communication
    "monitoring_online": [
        "monitor|check|track|read|access|hack|view|scroll|search * @POSS * social|media|facebook|instagram|phone|email|account|message|text|icloud|snapchat|whatsapp|story|post|profile|internet|browsing|online|activity|laptop|computer|password|tiktok|twitter|device",
        "hack|hacked|hacking into",
        "screenshot|screengrab her|his|my|victim|'s * story|post|status",
        "access|accessed her|his|my|victim|'s * account|email|icloud|cloud|laptop|computer|message|messages",
        "gain|get|have access to @POSS",
        "log|sign|get into|onto @POSS",
        "log|sign in to @POSS",
        "spyware|stalkerware|keylogger|keylogging|mspy|flexispy",
        "like|react|view @POSS old|every|all? photo|post|picture|story|status",
        "know|knew|aware * what|who @V * post|say|message|text|email|talk|write|do|did|speak",
        "know|knew|aware * detail|content of @POSS * conversation|message|email|text|chat",
        "change @POSS * password",
        "read|check|go|look through? @POSS * text|message|email|chat|dm|phone",
        "monitor|monitoring @V|@POSS online|internet|phone|activity|account",
        "install * app|software * on @POSS * phone|laptop|device|computer",
        "every post @V make",
        "comment on every",
    ],
    # s.2A(3)(e) loitering in any place, public or private
    "loitering": [
        "loiter|loitering|lurk|lurking|linger",
        "hang|hanging|hung around|about|outside|near|round",
        "sit|stand|wait|park|lurk|linger|hover|stay|hide|idle|camp * outside|opposite|near|around|about|across|nearby|by|beside|at|in|on|o/s * house|home|address|flat|road|street|close|end|bottom|top|car|work|workplace|office|school|gate|garden|door|window|park|shop|stop|station|car|building|corner|estate|area",
        "sit|stand|wait|park|lurk|hover|idle|camp outside|opposite|near|across|o/s|nearby",
        "wait|waiting|waited for @V",
        "walk|drive|cycle up and down",
        "watch|watching|wait|waiting|sit|sat|park * from|in his|their car|van|vehicle",
        "he|suspect|ex|offender|defendant|accused be|now * outside|o/s|opposite the|her|my|victim|'s house|home|flat|address|property",
        "drive|walk|cruise|cycle|go * past|by|round @POSS * house|home|address|flat|work|road|street|school|refuge|hostel",
        "drive|walk|cruise past|by * repeatedly|again|several|numerous|time|day",
        "be|get see|spot|notice|observe * outside|near|o/s|opposite|around|at",
        "sit|sat|park in|outside @POSS? car|van|vehicle",
        "keep|kept|constantly|always * hang|wait|sit|stand",
        "stand|sit|wait * for * hour|minute|ages|long|time",
        "park|parked|parking * outside|opposite|across|near|o/s|end|bottom|in",
        "see|seen|saw|spot|notice|observe * outside|o/s|near|opposite|around * house|home|address|property|flat|street|road|work|workplace",
        "suspicious|unknown|strange male|man|person|female|woman|vehicle|car|van * outside|o/s|near|opposite|around",
    ],
    # s.2A(3)(f) interfering with any property in the possession of a person
    "interfering_property": [
        "slash|puncture|let|deflate|cut|pop|damage|stab|burst * tyre|tire|wheel",
        "key|scratch|damage|smash|break|vandalise|graffiti|spray|kick|dent|tamper|interfere|paint|pour|burn|egg|glue|superglue|cut|wreck|destroy|trash|rip|tear|snap|scrawl * @PROPERTY",
        "take|steal|open|read|go|rummage|interfere|tamper|remove|move|empty|throw|hide|redirect|intercept * post|mail|letter|bin|belonging|parcel|rubbish|item|property|possession|wheelie",
        "break|force|get * into|in @POSS? * house|home|flat|car|shed|garage|property|garden|address",
        "enter @POSS * house|home|flat|car|shed|garage|property|garden|address * without",
        "be damage|smash|vandalise|key|slash|scratch|tamper|interfere|break|graffiti|puncture",
        "let * cat|dog|pet out",
        "cut|sever|tamper * brake|cable|line|wire|washing",
        "poison|kill|harm * cat|dog|pet|plant",
        "pour * on|over|into * car|garden|door|plant",
        "brick|stone|rock|egg * through|at @POSS? window|car|door",
        "criminal damage",
        "try|rattle|tamper|test|force * door|handle|lock|window|gate",
        "gain entry",
        "move|moving|rearrange|go through @POSS belonging|thing|item|possession|furniture|clothes",
        "tyre|tire|wheel|window|windscreen|mirror|paintwork|fence|panel|bonnet|door|lock|car|vehicle|bike|shed|plant|gate * be? slash|puncture|let|deflate|damage|smash|break|key|scratch|cut|kick|spray|paint|vandalise|tamper|egg",
        "damage|graffiti|scratch|dent * to|on @POSS? * @PROPERTY|fence|house|home|door|garden|window",
        "throw|tip|dump|pour|put|leave * rubbish|waste|mess|paint|bleach|oil|faeces|poo|excrement|dead|bird|animal * into|in|on|over|onto|through|at @POSS? * garden|property|car|drive|driveway|door|letterbox|doorstep|house|home",
    ],
    # s.2A(3)(g) watching or spying on a person
    "watching_spying": [
        "watch|spy|stare|peer|peep|gaze|ogle|observe|glare|eye * at|on|into|through|over? @V",
        "watch|watching|stare|staring|peer|peep|gaze|look|spy * at|into|through|in|over * window|house|home|flat|garden|room|fence|door|curtain",
        "watch|watching|stare|staring|observe @POSS * house|home|flat|movement|window|door|address|child|car",
        "film|record|photograph|video|videoing|snap @V|@POSS",
        "take|took|taking * photo|picture|photograph|video|footage|pic * of @V|@POSS",
        "photo|picture|image|video|pic|photograph * of @POSS * door|house|car|home|address|child|window|garden|flat",
        "binocular|binoculars|telescope|drone",
        "camera|cctv * point|aim|angle|face * at|towards|into @POSS?",
        "spy|spying|spied",
        "~peeping tom",
        "keep * eye on @V",
        "log|record|note|diary|track|note * of? @POSS movement|routine|whereabouts",
        "be watching|watch @V|you",
        "watch|stare|staring|watching * while|as|when @V",
        "always|constantly watch|watching",
        "hide|hiding * watch|watching",
        "feel|felt|being|be watch|watched|observed|spied",
        "know|knew * where * @V * go|be|been|went|is|was|goes",
        "photo|picture|image|video|detail|description * of? where @V * be|go|went",
        "film|filming|photograph|photographing|videoing|record|recording * at|in|from|through|across|outside|on|while|during|near",
    ],
    # Turning up at the victim's home (S-DASH Q4: visits to home or work)
    "turning_up_home": [
        "turn|show|pop|rock up * at|to|outside|on @POSS? * @HOME",
        "come|coming|go|going|attend|arrive|visit|appear|return|head * round|to|at|over|outside|up? * @POSS @HOME",
        "come|came|coming|go|call|pop round|over|by",
        "turn|show up uninvited|unannounced|unexpectedly|unexpected|again",
        "knock|bang|hammer|kick|pound|ring * on|at * door|window|bell|doorbell",
        "leave|put|post|push|deliver * on|at|through|in|under * @POSS * doorstep|door|letterbox|doormat|step|porch",
        "attend|visit|arrive|appear * victim|her|his|their * home|address|house|flat",
        "turn|show|pop up * @POSS? * @HOME",
        "attend|visit|arrive * @HOME",
        "turn|show up * where @V live",
        "let|letting himself|herself|themselves in|into",
        "refuse to leave",
    ],
    # Turning up at the victim's workplace (S-DASH Q4)
    "turning_up_work": [
        "turn|show|pop|rock up * at|to|outside|in @POSS? * @WORK",
        "come|go|attend|arrive|visit|appear|return|wait|enter|turn|show|wait|hang|sit|stand|loiter * to|at|into|in|outside|near|round|o/s @POSS * work|workplace|office|shop|job|store|salon|surgery|hospital|factory|warehouse|school|nursery|college|premises",
        "attend|visit|turn|show|arrive|come|go|appear|wait * place of work",
        "turn|show|pop|rock|come|appear|attend|arrive|wait|sit * at|to|into|in|outside|o/s * 's * work|workplace|office|shop|job|store|salon|surgery|school|nursery|college",
        "wait|sit|stand|turn|show|appear|come * in|into|at * reception",
        "attend|attended|visit|visited|enter|entered * @POSS|'s workplace|office|shop|salon|surgery|nursery|premises|work",
        "at|after|before * end of @POSS * shift",
        "turn|show|appear|come|go|wait|arrive * where @V work",
        "while @V * work|working",
        "car park * after work",
    ],
    "gifts": [
        "send|leave|give|deliver|buy|post|bring|order|drop ** gift|present|flower|rose|bouquet|chocolate|jewellery|jewelry|perfume|teddy|bracelet|necklace|card|parcel|package|hamper|balloon|valentine|toy|wine|underwear|lingerie",
        "gift|present|flower|rose|bouquet|chocolate|jewellery|perfume|teddy|bracelet|necklace|hamper|balloon|lingerie * be|been? leave|deliver|send|give|post|drop",
        "receive|get * gift|present|flower|rose|bouquet|chocolate|jewellery|perfume|teddy|bracelet|necklace|parcel|package|hamper|balloon",
        "unwanted|unsolicited gift|present|parcel|package|delivery",
        "gift|present|flower|rose|bouquet|chocolate|card|parcel|package|hamper|balloon|teddy * keep? arrive|arriving|arrived|turn|appear|leave",
        "bunch of flower|rose",
    ],
    "threats": [
        "threaten|threatened|threatening|threat|menace|menacing",
        "say|tell|state|text|message|write|shout|scream|email|warn|claim|post|vow|swear * he|she|they|i * @WOULD * @HARM",
        "@WOULD|'ll @HARM @V|@POSS|himself|herself|you|your|everyone|the|them",
        "@WOULD|'ll get|make|find * you|@V * pay|sorry|regret",
        "be|'ll|will|would|going sorry|regret",
        "know|knew where @V|you live",
        "leave|left|send|sent|put * knife|bullet|noose|weapon|axe|machete * on|at|through|in|outside|to",
        "watch your back",
        "you be dead",
        "~your dead|youre dead|you're dead|ur dead",
        "dead man|woman",
        "see|get you soon|later",
        "do something|anything to @V",
        "@HARM @V if",
        "make @POSS life hell|misery",
        "make sure @V|i|you * regret|pay|sorry|suffer",
    ],
    "violence": [
        "punch|slap|kick|shove|strangle|choke|headbutt|assault|stab|bite|throttle|batter|beat|smack|elbow|knee|spit|stamp|scratch|drag|strike|hit|push|grab|attack|pin|pull|twist|bruise|wound|injure|rape|burn|suffocate|smother",
        "throw|threw * at|over @V",
        "throw @V",
    ],
    "third_party_contact": [
        "@CONTACT_VERB|contact|approach|speak|talk|ask|visit|write|tell|send|harass|threaten|bother|pester|abuse|question|quiz|befriend|add|target|involve|inform|accuse * to? @POSS|victim|victim's @THIRD",
        "@CONTACT_VERB|contact|approach|speak|talk|ask|visit|send|harass|bother|pester|tell|question|quiz|befriend|add @THIRD|colleague|friend|family|neighbour|employer",
        "send|sent|give * to|for @POSS @THIRD",
        "friend request * to * @THIRD|friend|family",
        "ask|asking|question|quiz * @THIRD|colleague|friend|family|people|staff|neighbour * where|what|who|when|about|for @V|@POSS",
        "contact|call|ring|phone|telephone|email|message * workplace|employer|work|office|school",
        "contact|call|ring|phone|telephone|email|message * place of work",
        "@THIRD|colleague|friend|family|neighbour|employer|staff|manager|follower * have|has|had|get|got|receive * @CONTACT_NOUN|contact|visit from",
        "ring|call|phone|email|contact @POSS * workplace|work|office|school|employer|manager|boss|hr",
        "pretend|pose * to be * relative|friend|police|colleague|brother|sister|doctor|delivery",
        "message|text|contact|call * @V|her|his * friend|family|mum|mother|sister|brother|dad|father|child",
        "@CONTACT_VERB|contact|approach|ask|visit|write|tell|send|harass|threaten|bother|pester|abuse|question|quiz|befriend|add|target * 's new|former|best|close|own|elderly|young|current|other? @THIRD|colleague|friend|family|neighbour|employer|staff|manager",
        "@CONTACT_VERB|contact|approach|ask|visit|write|tell|harass|threaten|bother|pester|abuse|question|quiz|befriend|add|target to? her|his|their|my new|former|best|close|elderly|young|current|other @THIRD|colleague|friend|family|neighbour|employer|staff|manager",
        "@THIRD|colleague|friend|family|neighbour|employer|staff|manager|people have|has|be|been|keep|are? * receive|get|getting|receiving * @CONTACT_NOUN|contact|visit|approach|question",
        "@THIRD|colleague|friend|family|neighbour|employer|staff|manager be|been|have * @CONTACT_VERB|contact|approach|visit|question|ask by",
        "ask|asking|question * staff|colleague|people|friend|neighbour * where|what|when|who",
    ],
    "fake_accounts": [
        "fake|false|new|anonymous|anon|multiple|different|burner|second|another|numerous|several|various|bogus|alias|secret|spoof|decoy|dummy|anonymised|pseudonymous @QUANT? instagram|facebook|twitter|tiktok|snapchat|social|media|email|whatsapp|online? account|profile|page|username|handle|identity|persona|alias|name|accounts|profiles",
        "set|create|make|open|register * account|profile|page|username|handle",
        "account|profile|page * in @POSS name|under * name",
        "pose|pretend * as|to be * someone|another|woman|man|girl|boy|stranger|friend|person",
        "different|various|multiple|numerous|several|burner|spoofed|fake number|numbers|phone|sim|phones",
        "anonymous|anon account|profile|user|sender|email",
        "catfish|catfishing|sockpuppet",
        "fake|false|bogus|new|multiple|anonymous|different social|online -? media|networking? account|profile|page|accounts|profiles",
        "account|profile|page be|been create|set|made|open|register",
        "email|number|account * he|she * create|set",
    ],
    "tracking_device": [
        "tracker|tracking|gps|airtag|life360|tile|geolocation|geotag|location|locate",
        "find my iphone|friends|device|phone",
        "share|sharing|follow|track|know|see|monitor|check * @POSS * location|whereabouts|movement",
        "app * show|track|see|monitor * location|where",
        "track|tracked|tracking @V|@POSS",
        "device * car|bag|phone|coat|vehicle|pram",
    ],
    "breach_of_order": [
        "breach|breached|breaching|contravene|contravention|violate|violation|flout|disobey|ignore * bail|order|condition|injunction|undertaking|restraining|molestation|spo|nmo|dvpo|dvpn|notice|licence|parole|court",
        "breach|breaching",
        "despite|contrary|against|while|whilst ** bail|order|condition|injunction|undertaking|restraining|molestation|notice|licence",
        "on|under bail * not|condition|no",
        "bail condition|conditions",
        "non -? molestation",
        "restraining|protection|molestation|injunction order * place|granted|served|imposed|issued|made|exist",
        "order|condition|injunction * not to|prohibit|forbid|ban|bar",
    ],
}

# Behaviour patterns that only count with certain support (behaviour -> words of which one must be in the sentence).
# Keeps broad one-word patterns (e.g. "tracking", "location", "breach") from firing in unrelated sentences.
REQUIRES_CONTEXT: dict[str, dict[str, list[str]]] = {
    "tracking_device": {
        "tracking|gps|location|locate|geolocation|geotag|tile|track": [
            "device|tracker|gps|app|phone|car|her|him|where|whereabouts|always|airtag|on|share|sharing|"
            "find|life360|coat|bag|vehicle|under|fitted|found|hidden|magnet"
        ],
    },
    "violence": {
        "hit|push|grab|attack|pin|throw|pull|twist|drag|strike|burn|scratch|spit|stamp|knee|"
        "elbow|bite|beat|stab|smack|suffocate|smother": [
            "her|him|them|victim|me|face|head|arm|throat|neck|hair|wall|floor|ground|body|stomach|chest|she|he|i|"
            "knife|weapon|fist|leg|leg|back|door|car|up|wrist|nose|mouth|eye"
        ],
    },
}

FOUR_CUES: dict[str, list[str]] = {
    # FOUR (College of Policing): Fixated, Obsessive, Unwanted, Repeated; domain.md §5.1
    "unwanted": [
        "tell|ask|warn|beg|plead|instruct|request|inform|text|message|email|write @V * to? stop|leave|stay|back|quit|cease",
        "make * clear",
        "tell|ask|warn|beg|plead|instruct|request * not to",
        "leave @V alone",
        "block|unfriend|unfollow|mute|restrict|ignore|reject|rebuff|refuse|decline @V|@POSS|his|her|him|it|the|them|number|account|call|contact|advance|request",
        "block|blocked|blocking",
        "change|changed her|his|their|my * number|phone|email|account|sim|lock|password",
        "not|n't|no * want|interested * contact|relationship|him|her|anything|see|hear|talk|speak|back|to",
        "want|wish|ask|request no * contact",
        "unwanted|uninvited|unwelcome|unannounced|unsolicited|undesired",
        "against @POSS * will|wish|wishes",
        "without * consent|permission|invitation",
        "end|ended|finish|finished|terminate|call * relationship|it|thing|things|marriage|engagement",
        "relationship * end|over|finish|break",
        "split|break up",
        "separate|separated|divorce|divorced",
        "word of advice|warning",
        "warn|warned by police|officer|officers",
        "despite ** warning|warnings",
        "harassment warning|notice",
        "pin|cease|desist",
        "despite * told|asked|warn|block|say|saying|request|order|bail|condition|advice|reject",
        "say|said|saying no",
        "report * to police",
        "report him|them|it|this|suspect|incident|matter|previously|before|twice|again",
        "already|previously report",
        "not|n't * reciprocate|welcome",
        "move|moved on",
    ],
    "obsessive": [
        "obsess|obsessive|obsessed|obsession|obsessively|fixation|fixate|infatuate|infatuation|besotted",
        "despite|after|although|though|regardless * told|ask|warn|block|order|condition|bail|advice|police|request|saying|said|reject|being|spoken|speak",
        "ignore|ignored|disregard * request|warning|advice|plea|order|condition|her|him|being",
        "not|never|refuse|unable * leave * alone",
        "not|never|refuse * take no",
        "not|never|refuse|unable * accept|stop|let|give|move",  # not "back": "he did not come back" is the end
        "until @V * take|get|come|agree|talk|speak|meet|give|back",
        "persist|persistent|persistently|relentless|relentlessly|unrelenting|incessant|incessantly|nonstop|ceaseless|unceasing",
        "bombard|bombarded|bombarding|inundate|inundated",
        "campaign of",
        "despite ** warning|order|injunction|notice",
        "continue|continues|continued|carry|carrying|carried|persist * despite|even|after|regardless",
        "breach|breached|breaching",
        "still * despite",
        "-|but ignore|ignored",
        "but|still * continue|continues|continued|persist|persists|carry|carries",
        "use|uses|using|get|gets|make|makes|set|sets|create|creates new|different|another|other * number|numbers|account|accounts|one|ones|profile|profiles|sim",
        "keep|keeps|kept * come|coming * back",
    ],
    "repeated": [
        "do|happen * this|it|that|so * before",
        "~not the first time|on previous occasions|previous incidents|history of|ongoing",
    ],
    "fixated": [
        "fixate|fixated|fixation|besotted|infatuated|preoccupied",
        "obsess with",
        "want|wants|need|needs * know * everything|where|who|what",
        "know|find|discover|work * where|when|who @V",
        "find|found|discover|work * out? where @V",
        "ask|asking|question * where|what|who|when * @V",
        "love|loves|adore|adores|worship @V",
        "in love with",
        "can't|cannot|couldn't * live without",
        "take|get|want * @V? back",
        "back together",
        "meant|destined to be together",
        "~soulmate|soul mate",
        "every move",
        "@POSS movement|routine|schedule|whereabouts|shift",
        "know|knew * detail|detail of @POSS",
        "photo|picture|image * of @POSS * house|door|car|home|address",
        "hour|hours * wait|waiting|outside|sit|sat",
        "mile|miles * drive|travel|journey",
        "wherever|everywhere @V",
        "keep|keeps * tab|tabs",
        "can't|cannot|won't|will|not|never|refuse|unable|could|couldn't * accept * over|end|ended|finished|split|separation|break|relationship|rejection|no",
        "become|became|grow|grew obsessed|fixated|infatuated",
        "believe|believed|convinced|insist * destined|soulmate",
        "know|knew|knows * where * @V * go|be|is|was|went|live|work",
        "find|found|discover|track|trace out? @POSS new address|number|home|flat|workplace",
        "~at all times|every move|all hours",
        "new partner|boyfriend|girlfriend|husband|wife",
        "always * know|knew|turn|appear",
    ],
}

# s.4A PHA 1997: (1)(b)(i) fear of violence on at least two occasions; (1)(b)(ii) serious alarm or distress with
# a substantial adverse effect on usual day-to-day activities.
S4A_CUES: dict[str, list[str]] = {
    "fear_of_violence": [
        "fear|afraid|scared|frightened|terrified|petrified|worried|think|thought|believe|convinced|concerned * he|she|they|suspect|defendant|offender|accused|perpetrator|respondent|ex|man|partner * @WOULD * @HARM|hurt|attack|violent|violence|harm|kill|do|get|come",
        "fear|feared|fearing|afraid|scared|frightened|terrified * that? violence|force * would|will|might|be * use",
        "fear * of? violence",
        "fear|afraid|scared|frightened|terrified|petrified|fearful|fearing|feared * for * life|safety|live|child|children|family",
        "in fear * of? * violence|life|safety|being|attack|harm",
        "fear|afraid|scared|frightened|terrified|petrified * of * violence|attack|harm|assault|hurt|kill|being|what",
        "fear|afraid|scared|frightened|terrified|petrified * @HARM",
        "think|thought|believe|convinced * going to * @HARM|die",
    ],
    # general fear: counted for s.4A(1)(b)(i) only where the narrative also describes threats or violence
    "fear_general": [
        "fear|afraid|scared|frightened|terrified|petrified|fearful|feared|fearing|fears|panicked|alarmed",
        "hysterical|terrorised",
        "believe|believed|believes|thought|thinks * he|she|they|suspect|susp * meant|mean|means|will|would|could",
    ],
    "serious_alarm_distress": [
        "move|relocate|flee * house|home|address|out|away|area|town|city|refuge|across|abroad|flat|county",
        "move|moved * in with",
        "move * to * refuge|parent|family|friend|sister|mum|mother",
        "~safe house|emergency accommodation",
        "in|to|at a refuge",
        "stay|sleep|live * with|at * parent|family|friend|sister|mum|mother|dad|brother|relative|refuge|nan",
        "change|vary|alter|different * route|routine|job|school|shift|gym|appearance|name|hair|car|journey|hour|way",
        "take * different|another|long|taxi * route|way|home",
        "stop|cannot|unable|too * scared|afraid|frightened * go|leave|out|walk|use|attend|visit|socialise",
        "stop|give|quit|cancel|withdraw * go|attend|use|membership|class|course|contact|visit|out|social|running|walk|job|work|activity|hobby",
        "not|no|rarely|never * leave|go|left * house|home|flat|out",
        "will|scared|afraid|frightened|too|unable|cannot * not? * go * out|outside|alone|own",
        "stay|remain * indoors|inside|in|home|curtain|blind",
        "keep * indoors|inside|curtain|blind",
        "curtain|blind * closed|drawn|shut",
        "~time off|off work|off sick|signed off|sick leave|sick note|absent from work|leave from work|work from home|working from home|unable to work|quit her job|quit his job|resigned|reduced her hours|lost her job",
        "install|fit|put|get|buy|have|add * camera|doorbell|alarm|lock|panic|security|cctv|chain|bolt|spyhole|shutter",
        "lock|locks * change",
        "see|visit|seek|get|refer|speak|attend|contact * gp|doctor|counsellor|counselling|therapist|therapy|mental|psychiatrist|a&e|hospital|crisis|samaritan",
        "medication|antidepressant|anxiety|depression|ptsd|breakdown|suicidal|diagnose|prescribe|prescribed|counselling|counsellor|therapy",
        "~substantial adverse effect|adverse effect|serious alarm or distress|serious alarm|serious distress",
        "give|gave|given up * job|work|employment|course|studies|university|college",
        "leave|left|quit @POSS job|employment|course|studies",
        "change|changed * phone|mobile number|phone",
        "withdraw|withdrew|withdrawn|take|took * son|daughter|child|children * from|out * school|nursery|college",
        "~sleeping tablets|sleeping pills",
        "~panic attack|self harm",
        "cannot|unable|not|struggle * sleep|eat|concentrate|function|work",
        "deactivate|delete|close|come|shut * account|social|facebook|instagram|profile|media",
        "child|kid|son|daughter * change|move|off * school",
        "stop * contact|visit",
        "taxi|lift * home|everywhere",
        "escort|accompany|accompanied",
        "~too scared|too afraid|too frightened|not safe|unsafe",
    ],
}

# Relationship cues (design.md §4.2 relationship values); ROLE cues only count where they name the suspect.
RELATIONSHIP_CUES: dict[str, list[str]] = {
    "ex_partner": [
        "ex -? partner|boyfriend|girlfriend|husband|wife|fiance|fiancee|lover|spouse|bf|gf|wife|husband",
        "ex",
        "former|previous|old partner|boyfriend|girlfriend|husband|wife|fiance|fiancee|lover|spouse",
        "split|break up",
        "separate|separated|divorce|divorced",
        "end|ended|finish|finished * relationship|marriage|engagement",
        "relationship * end|ended|over|finished|broke",
        "previous|former|past relationship",
        "used to date|go|be|live",
        "dated|dating * year|month|briefly|until",
    ],
    "current_partner": [
        "@POSS partner|boyfriend|girlfriend|husband|wife|fiance|fiancee|spouse|bf|gf",
        "current|present partner|boyfriend|girlfriend|husband|wife",
        "in a relationship with",
        "live together",
        "cohabit",
    ],
    "family": [
        "@POSS brother|sister|father|dad|mother|mum|son|daughter|uncle|aunt|cousin|stepfather|stepdad|stepmother|stepmum|nephew|niece|grandson|granddaughter|brother-in-law|sister-in-law|father-in-law|mother-in-law|stepson|stepdaughter|grandfather|grandmother|twin|sibling",
    ],
    "colleague": [
        "colleague|coworker|workmate|supervisor|manager|boss|employee|employer",
        "co - worker",
        "work|works|worked with",
        "work together",
        "same workplace|company|office|team",
    ],
    "neighbour": [
        "neighbour",
        "next -? door",
        "live * opposite|next|below|above|upstairs|downstairs|across|nearby",
        "same street|road|block|building",
    ],
    "online_only": [
        "met * online|internet|app|tinder|hinge|bumble|instagram|facebook|twitter|tiktok|snapchat|game|gaming",
        "never met * person|him|her|face",
        "only * know|known|knows|met|speak|spoken|talk * online|through|via|internet|app|game|gaming",
        "~online only|online - only|purely online|only online",
        "~dating app|dating site|online game|gaming group|online gaming|discord",
    ],
    "acquaintance": [
        "acquaintance|landlord|landlady|tenant|customer|client|pupil|classmate|housemate|flatmate|lodger",
        "~friend of a friend|former friend|member of",
        "know|knew * from|through * school|church|gym|pub|work|club|college|university",
        "@POSS friend",
        "a friend",
        "met * at|through",
    ],
    "stranger": [
        "stranger|strangers",
        "unknown male|man|female|woman|person|suspect|offender",
        "not|never * know|meet|see * him|her|them|each|man|male|before|previously",
        "no idea who",
        "man|male|woman|female|person she does not know",
        "nobody * know * each other",
    ],
}

# Context of the conduct. "dispute": the conduct arises from a dispute or grievance (neighbours, a business, a
# debt), the setting in which acts like those in PHA 1997 s.2A(3) are usually harassment rather than stalking
# unless fixation on the person shows (FOUR, domain.md §5.1).
CONTEXT_CUES: dict[str, list[str]] = {
    "dispute": [
        "dispute|disputes|feud|feuding|grievance|grievances|vendetta",
        "~falling out|fall out|fell out|fallen out",
        "row|rows|argument|arguments|disagreement|quarrel|quarrels * over|about|regarding",
        "complaint|complaints over",
        "argue|argued|arguing over|about",
        "demand|demanding|demanded|demands * refund|money|payment|compensation|repayment",
        "~civil matter",
        "owe|owes|owed|owing",
        "loan|loans|lent|borrowed|repay|repayment|repayments",
        "about|over|regarding * money|debt|loan|bill|refund|rent|will|estate|inheritance|sale|deposit",
    ],
    # The record says the conduct is not aimed at the victim ("not directed at IP", "no targeting"): no
    # harassment *of another* (PHA 1997 s.1(1)) unless other records describe acts aimed at them.
    "not_targeted": [
        "not|never|nothing * direct|directed|aim|aimed|target|targeted|targeting|personal",
        "no target|targeting",
        "~general noise",
        "~road rage|near miss|road related incident|road traffic incident",
    ],
    # The contact is wanted: harassment needs conduct the victim does not want (PHA 1997 s.1, s.7(2)).
    "wanted": [
        "happy * to? be|keep in touch|contact",
        "happy * with * contact|messages|calls",
        "message|messaging|text|texting|call|calling|speak|speaking|talk|talking * each other",
        "not|never * feel|felt * harass|harassed|pestered",
        "~contact is mutual|contact was mutual|mutual contact|mutually agreed",
        "consensual",
    ],
    # The suspect acted in a role with a lawful purpose (a process server, bailiff, journalist, investigator):
    # PHA 1997 s.1(3) says a course pursued under a rule of law, to prevent or detect crime, or that was
    # reasonable, is not harassment. Only a prompt for the reviewer; the defence is for investigators to weigh.
    "lawful_purpose": [
        "~process server|enforcement agent|enforcement agents|debt collector|debt collectors|private investigator",
        "~insurance investigator|surveillance operative|loss adjuster|high court enforcement",
        "bailiff|bailiffs|journalist|reporter",
        "serve|serving|served * court|divorce|legal * papers|documents|application|summons",
    ],
    # A recording decision already written in the record that the course is harassment only (the April 2020
    # rule: a former partner's course of conduct is stalking unless the police are satisfied otherwise).
    "harassment_only": [
        "satisfied|decided|concluded|decision * harassment only",
        "~harassment only",
        "~not stalking",
    ],
}


# Words that put an act in a hypothetical, conditional or wished-for frame.
HYPOTHETICAL = frozenset(
    "if unless should might may will 'll wo gonna worried worry worries concern concerned "
    "consider considering plan plans planning intend intends intending wants want wanted wish wishes "
    "hope hopes case advised advice advise told asked ask asks tell whether threaten threatens "
    "threatened threatening threat threats afraid scared frightened fear fears feared fearing "
    "terrified petrified expect expects expected possibly potential potentially risk likely whenever "
    "suggested suggest suggests offered offer ensure prevent request requested requesting".split()
)
# Hypothetical words that do not cancel a threat (a threat is itself a statement about the future).
HYPOTHETICAL_NOT_FOR_THREATS = frozenset(
    "will 'll wo gonna threaten threatens threatened threatening threat threats".split()
)
NEGATION = frozenset(
    "not n't no never nothing none without nor deny denies denied denying neither no-one nobody "
    "hasn't haven't didn't doesn't don't isn't wasn't weren't won't wouldn't cannot ceased".split()
)
# Words between a negation and an act that turn it back into the act ("would not stop calling").
NEGATION_CANCEL = frozenset("stop stopped stopping leave only give giving gave accept quit cease".split())
CLAUSE_BREAK = frozenset(
    "; : but however although though because then and or so until after before while whilst when once "
    "since which who as. whereas yet - -- ( ) instead meanwhile later".split()
)


def compile_patterns(spec: str) -> list[list[dict[str, Any]]]:
    """Compile one notation string to Matcher patterns; ``~a b|c d`` is a list of whole phrases."""
    if spec.startswith("~"):
        return [[{"NORM": stem(w)} for w in phrase.split()] for phrase in spec[1:].split("|") if phrase]
    return [compile_pattern(spec)]


def compile_pattern(spec: str) -> list[dict[str, Any]]:
    """Compile one notation string (see module docstring) to a spaCy Matcher pattern."""
    pattern: list[dict[str, Any]] = []
    for raw in spec.split():
        if raw == "*":
            pattern.append({"IS_PUNCT": False, "OP": "{0,3}"})
            continue
        if raw == "**":
            pattern.append({"IS_PUNCT": False, "OP": "{0,6}"})
            continue
        optional = raw.endswith("?") and len(raw) > 1
        if raw.startswith("~"):
            raise ValueError(f"'~' starts a phrase list only at the start of a pattern: {spec!r}")
        body = raw[:-1] if optional else raw
        words: set[str] = set()
        for alt in body.split("|"):
            if alt.startswith("@"):
                words.update(stem(w) for w in CLASSES[alt[1:]].split("|"))
            elif alt:
                words.update(stem(part) for part in alt.split())
        token: dict[str, Any] = {"NORM": {"IN": sorted(words)}}
        if optional:
            token["OP"] = "?"
        pattern.append(token)
    return pattern


def stem_set(spec: str) -> frozenset[str]:
    """The stems of a |-separated word list."""
    return frozenset(stem(w) for w in spec.split("|") if w)
