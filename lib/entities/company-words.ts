/**
 * Words that tell a company name from other capitalised words: legal suffixes, the context
 * around a company, and the words of other organisations, places and people.
 */

/** Legal forms: a capitalised name followed by one of these is a company ("Sierra Nevada Corp."). */
export const LEGAL_SUFFIXES = new Set([
  'Inc', 'Incorporated', 'Corp', 'Corporation', 'Co', 'Company', 'Companies', 'Ltd', 'Limited', 'LLC', 'LLP', 'LP',
  'plc', 'PLC', 'Plc', 'AG', 'SA', 'S.A.', 'NV', 'N.V.', 'SE', 'GmbH', 'BV', 'B.V.', 'AB', 'ASA', 'A/S', 'Oyj', 'SpA', 'S.p.A.',
  'KGaA', 'Pty', 'Bhd', 'Berhad', 'Tbk', 'SAS', 'Sarl', 'Ltda', 'INC', 'CORP', 'CO', 'LTD', 'COMPANY', 'COMPANIES',
  'CORPORATION', 'LIMITED', 'Holdings', 'Holding', 'Group', 'HOLDINGS', 'GROUP',
]);

/** Suffixes strong enough alone; the others ("Group", "Company") need a name of two letters or more before them. */
export const WEAK_SUFFIXES = new Set(['Co', 'Company', 'Companies', 'Group', 'Holding', 'Holdings', 'SE', 'SA', 'AB', 'CO', 'COMPANY', 'GROUP', 'HOLDINGS']);

/** Words that end many company names and are rarely the end of anything else. */
export const COMPANY_HEADS = new Set([
  'Technologies', 'Systems', 'Industries', 'Enterprises', 'Partners', 'Ventures', 'Investments',
  'Airlines', 'Airways', 'Motors', 'Pharmaceuticals', 'Pharma', 'Therapeutics', 'Biosciences', 'Biotech', 'Robotics',
  'Labs', 'Laboratories', 'Studios', 'Entertainment', 'Networks', 'Communications', 'Telecom', 'Semiconductor',
  'Semiconductors', 'Electronics', 'Software', 'Bancorp', 'Logistics', 'Automotive', 'Aerospace', 'Brands', 'Foods',
  'Capital', 'Securities', 'Financial', 'Insurance', 'Media', 'Motor', 'Mining', 'Petroleum', 'Realty',
  'Properties', 'Hotels', 'Resorts', 'Restaurants', 'Stores', 'Pictures', 'Records', 'Games', 'Interactive', 'Solutions',
]);

/** Words of governments, agencies, courts, schools, teams and alliances: `org`, not companies. */
export const ORG_WORDS = new Set([
  'Department', 'Ministry', 'Agency', 'Commission', 'Committee', 'Council', 'Association', 'Institute', 'University',
  'College', 'School', 'Authority', 'Administration', 'Bureau', 'Office', 'Police', 'Court', 'Government', 'Party',
  'League', 'Federation', 'Union', 'Foundation', 'Society', 'Alliance', 'Organization', 'Organisation', 'Coalition',
  'Parliament', 'Senate', 'Congress', 'House', 'Assembly', 'Directorate', 'Army', 'Navy', 'Reserve', 'Board', 'Center',
  'Centre', 'Hospital', 'Church', 'Museum', 'Academy', 'Service', 'Unit', 'Team', 'Force', 'Corps', 'Guard', 'Sheriff',
  'Program', 'Programme', 'Mission', 'Initiative', 'Forum', 'Club', 'State', 'City', 'County', 'Republic', 'Kingdom',
  'Nations', 'Olympics', 'Cup', 'Tribunal', 'Cabinet', 'Treasury', 'Secretariat', 'Embassy', 'Consulate', 'Regulator',
  'Exchange Commission', 'Fund', 'Bank of England', 'Federal', 'National', 'Ministry', 'Democrats', 'Republicans',
  'Conference', 'Summit', 'Festival', 'Show', 'Expo', 'Award', 'Awards', 'Prize', 'Act', 'Law', 'Treaty', 'Agreement', 'Index',
]);

/** Known organisations that rules might otherwise take for companies. */
export const KNOWN_ORGS = new Set([
  'NASA', 'FTC', 'SEC', 'FDA', 'FBI', 'CIA', 'EPA', 'FCC', 'IRS', 'DOJ', 'NHS', 'EU', 'UN', 'WHO', 'IMF', 'WTO', 'OECD',
  'OPEC', 'NATO', 'ASEAN', 'NFL', 'NBA', 'MLB', 'NHL', 'FIFA', 'UEFA', 'IOC', 'ECB', 'Fed', 'Federal Reserve',
  'World Bank', 'European Commission', 'European Union', 'Congress', 'Pentagon', 'Kremlin', 'White House', 'Xinhua',
  'CCTV', 'PBOC', 'CSRC', 'FCA', 'CFTC', 'FINRA', 'NYAG', 'ICE', 'DHS', 'USDA', 'CDC', 'NIH', 'MIT', 'NSA', 'GCHQ',
  'MI5', 'MI6', 'Interpol', 'Europol', 'Senate', 'Bundesbank', 'BOJ', 'RBI', 'SNB', 'G7', 'G20', 'BRICS', 'APEC',
]);

/** Countries, regions, cities and their adjectives: never a company by rule ("U.S. shares", "Asian stocks"). */
export const PLACES = new Set([
  'U.S.', 'US', 'USA', 'U.K.', 'UK', 'EU', 'America', 'American', 'Americans', 'United', 'States', 'China', 'Chinese',
  'Japan', 'Japanese', 'Korea', 'Korean', 'South', 'North', 'East', 'West', 'India', 'Indian', 'Europe', 'European',
  'Asia', 'Asian', 'Africa', 'African', 'Germany', 'German', 'France', 'French', 'Britain', 'British', 'England',
  'English', 'Italy', 'Italian', 'Spain', 'Spanish', 'Russia', 'Russian', 'Canada', 'Canadian', 'Australia',
  'Australian', 'Brazil', 'Brazilian', 'Mexico', 'Mexican', 'Taiwan', 'Taiwanese', 'Hong', 'Kong', 'Singapore',
  'Switzerland', 'Swiss', 'Sweden', 'Swedish', 'Norway', 'Norwegian', 'Denmark', 'Danish', 'Netherlands', 'Dutch',
  'Belgium', 'Ireland', 'Irish', 'Israel', 'Israeli', 'Iran', 'Iranian', 'Saudi', 'Arabia', 'Turkey', 'Turkish',
  'Ukraine', 'Ukrainian', 'Poland', 'Polish', 'Vietnam', 'Vietnamese', 'Thailand', 'Indonesia', 'Indonesian',
  'Malaysia', 'Philippines', 'Pakistan', 'Nigeria', 'Egypt', 'Argentina', 'Chile', 'Colombia', 'Portugal', 'Greece',
  'Austria', 'Finland', 'Zealand', 'New', 'York', 'London', 'Paris', 'Tokyo', 'Beijing', 'Shanghai', 'Shenzhen',
  'Washington', 'California', 'Texas', 'Florida', 'Silicon', 'Valley', 'Wall', 'Street', 'Europe’s', 'Western',
  'Eastern', 'Northern', 'Southern', 'Middle', 'Gulf', 'Latin', 'Pacific', 'Atlantic', 'Global', 'Chicago', 'Boston',
  'Seattle', 'Berlin', 'Frankfurt', 'Zurich', 'Geneva', 'Moscow', 'Seoul', 'Mumbai', 'Delhi', 'Sydney', 'Toronto',
  'Dubai', 'Brussels', 'Madrid', 'Rome', 'Milan', 'Amsterdam', 'Stockholm', 'Detroit', 'Atlanta', 'Dallas', 'Houston',
  'Mainland', 'Federal', 'State', 'National', 'Emirates', 'Qatar', 'Kuwait', 'Iraq', 'Syria', 'Afghanistan', 'Cuba',
  'Venezuela', 'Peru', 'Kenya', 'Ethiopia', 'Ghana', 'Morocco', 'Algeria', 'Tunisia', 'Libya', 'Sudan', 'Czech',
  'Hungary', 'Romania', 'Bulgaria', 'Serbia', 'Croatia', 'Slovakia', 'Belarus', 'Kazakhstan', 'Bangladesh',
  'Sri', 'Lanka', 'Nepal', 'Myanmar', 'Cambodia', 'Laos', 'Mongolia', 'Macau', 'Guangdong', 'Hangzhou', 'Wuhan',
  'Manhattan', 'Brooklyn', 'Ohio', 'Indiana', 'Illinois', 'Michigan', 'Virginia', 'Georgia', 'Arizona', 'Nevada',
  'Colorado', 'Oregon', 'Utah', 'Alabama', 'Kentucky', 'Tennessee', 'Carolina', 'Jersey', 'Massachusetts',
]);

/** Given names: a capitalised pair starting with one of these is a person ("Michael Dell", "Tim Cook"). */
export const GIVEN_NAMES = new Set([
  'Aaron', 'Adam', 'Alan', 'Albert', 'Alex', 'Alexander', 'Alice', 'Amanda', 'Amy', 'Andrew', 'Andy', 'Angela', 'Ann',
  'Anna', 'Anne', 'Anthony', 'Antonio', 'Arthur', 'Ashley', 'Barbara', 'Ben', 'Benjamin', 'Bernard', 'Betty', 'Bill',
  'Bob', 'Brad', 'Brian', 'Bruce', 'Carl', 'Carlos', 'Carol', 'Catherine', 'Charles', 'Charlie', 'Chris', 'Christian',
  'Christine', 'Christopher', 'Cynthia', 'Dan', 'Daniel', 'Dave', 'David', 'Deborah', 'Dennis', 'Diana', 'Donald',
  'Donna', 'Doug', 'Douglas', 'Ed', 'Edward', 'Elizabeth', 'Elon', 'Emily', 'Emma', 'Eric', 'Frank', 'Fred', 'Gary',
  'George', 'Gerald', 'Greg', 'Gregory', 'Harold', 'Harry', 'Helen', 'Henry', 'Howard', 'Jack', 'Jacob', 'James',
  'Jamie', 'Jane', 'Janet', 'Jason', 'Jeff', 'Jeffrey', 'Jennifer', 'Jeremy', 'Jerry', 'Jessica', 'Jim', 'Joe', 'John',
  'Jonathan', 'Joseph', 'Josh', 'Joshua', 'Juan', 'Judy', 'Julia', 'Julie', 'Justin', 'Karen', 'Kate', 'Katherine',
  'Keith', 'Kelly', 'Ken', 'Kenneth', 'Kevin', 'Kim', 'Larry', 'Laura', 'Lauren', 'Linda', 'Lisa', 'Louis', 'Lucy',
  'Marc', 'Margaret', 'Maria', 'Marie', 'Mark', 'Martin', 'Mary', 'Matt', 'Matthew', 'Michael', 'Michelle', 'Mike',
  'Nancy', 'Nathan', 'Nicholas', 'Nick', 'Nicole', 'Pamela', 'Patricia', 'Patrick', 'Paul', 'Peter', 'Philip',
  'Rachel', 'Ralph', 'Raymond', 'Rebecca', 'Richard', 'Rick', 'Robert', 'Roger', 'Ronald', 'Rose', 'Ruth', 'Ryan',
  'Sam', 'Samuel', 'Sandra', 'Sara', 'Sarah', 'Scott', 'Sean', 'Sharon', 'Stephen', 'Steve', 'Steven', 'Susan', 'Tim',
  'Timothy', 'Tom', 'Thomas', 'Tony', 'Victor', 'Virginia', 'Walter', 'Warren', 'William', 'Jack', 'Jensen', 'Satya',
  'Sundar', 'Masayoshi', 'Jeff', 'Mark', 'Sheryl', 'Marissa', 'Reed', 'Bob', 'Jamie', 'Lloyd', 'Jiang', 'Wang', 'Li',
  'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms',
  'Ms.', 'Dr', 'Dr.', 'Sir', 'Lord', 'Lady', 'President', 'Senator', 'Sen.', 'Rep.', 'Gov.', 'Governor', 'Prime',
  'Minister', 'Judge', 'Justice', 'Chairman', 'Chief', 'Officer', 'Deputy', 'Secretary', 'Prince', 'King', 'Queen',
  'Elizabeth', 'Christopher', 'Jonathan', 'Victor', 'Harris', 'Donald', 'Joe', 'Hillary', 'Barack', 'Xi', 'Vladimir',
  'Boris', 'Angela', 'Emmanuel', 'Justin', 'Narendra', 'Shinzo', 'Theresa', 'Nancy', 'Rishi', 'Kamala', 'Taylor', 'Scooter',
]);

/**
 * Capitalised ordinary words that begin many names: kept as part of a long name but never
 * taken alone as a short form of it ("Big" from "Big Machine", "General" from "General Motors").
 */
export const COMMON_CAPITALISED = new Set([
  'The', 'A', 'An', 'General', 'American', 'National', 'United', 'International', 'Global', 'First', 'New', 'Big',
  'Blue', 'Royal', 'Great', 'Capital', 'Central', 'Digital', 'Smart', 'Open', 'Data', 'Tech', 'Media', 'Energy', 'Power',
  'Air', 'Star', 'Orbit', 'Intuitive', 'Electronic', 'Universal', 'Standard', 'Golden', 'Green', 'Red', 'Black',
  'White', 'Silver', 'Sierra', 'Alpha', 'Prime', 'Premier', 'Best', 'Advanced', 'Applied', 'Allied', 'Continental',
  'Home', 'Life', 'Health', 'Care', 'Express', 'Metro', 'City', 'World', 'Union', 'Mutual', 'People', 'Citizens',
  'Community', 'Liberty', 'Pioneer', 'Frontier', 'Summit', 'Core', 'One', 'Next', 'Future', 'Modern', 'Ocean', 'River',
  'Mountain', 'Valley', 'Lake', 'Bay', 'Harbor', 'Coast', 'Hill', 'Sun', 'Moon', 'Space', 'Network', 'Systems', 'Pacific',
  'Atlantic', 'Southern', 'Northern', 'Western', 'Eastern', 'Social', 'Public', 'Private', 'Investment', 'Financial',
  'Trust', 'Security', 'Solutions', 'Services', 'Industries', 'Holdings', 'Group', 'Partners', 'Ventures', 'Labs', 'In',
  'On', 'At', 'For', 'And', 'But', 'Of', 'By', 'With', 'It', 'Its', 'This', 'That', 'These', 'Those', 'He', 'She', 'They',
  'We', 'Our', 'Their', 'His', 'Her', 'As', 'If', 'When', 'While', 'After', 'Before', 'Since', 'Shares', 'Stock',
  'Analysts', 'Investors', 'Company', 'Companies', 'Chinese', 'Main', 'Today', 'Yesterday', 'Also', 'More', 'Most',
  'Some', 'All', 'Many', 'Other', 'Such', 'Both', 'Each', 'Every', 'Last', 'Read', 'Photo', 'Image', 'Source', 'Credit',
  'Copyright', 'Related', 'Update', 'Updated', 'Editor', 'Editing', 'Reporting', 'Additional', 'Watch', 'Why', 'How',
  'What', 'Who', 'Where', 'Which', 'Here', 'There', 'Now', 'Then', 'However', 'Meanwhile', 'According', 'Under', 'Over',
  'About', 'From', 'To', 'Into', 'Not', 'No', 'Yes', 'Please', 'Click', 'Sign', 'Subscribe', 'Follow', 'Share', 'Like',
  'Deal', 'Market', 'Markets', 'Business', 'Money', 'Finance', 'Economy', 'Trade', 'Tech', 'Technology', 'Science',
  'Bank', 'Banks', 'Nano', 'Micro', 'Macro', 'Clean', 'Solar', 'Wind', 'Oil', 'Gas', 'Coal', 'Steel', 'Auto', 'Motor', 'Motors',
]);

/**
 * Capitalised function words and headline words: a name never starts with one
 * ("The Carlyle Group" is "Carlyle Group"; "In Foo Inc" is "Foo Inc").
 */
export const STOP_CAPITALISED = new Set([
  'The', 'THE', 'A', 'An', 'In', 'On', 'At', 'For', 'And', 'But', 'Or', 'Of', 'By', 'With', 'It', 'Its', 'This', 'That',
  'These', 'Those', 'He', 'She', 'They', 'We', 'I', 'You', 'Our', 'Their', 'His', 'Her', 'My', 'Your', 'As', 'If',
  'When', 'While', 'After', 'Before', 'Since', 'However', 'Meanwhile', 'According', 'Shares', 'Analysts', 'Investors',
  'Read', 'Photo', 'Image', 'Source', 'Credit', 'Copyright', 'Related', 'Update', 'Updated', 'Editing', 'Reporting',
  'Additional', 'Why', 'How', 'What', 'Who', 'Where', 'Which', 'Here', 'There', 'Now', 'Then', 'Under', 'Over', 'About',
  'From', 'To', 'Into', 'Not', 'No', 'Yes', 'Please', 'Click', 'Sign', 'Subscribe', 'Follow', 'Share', 'Like', 'Also',
  'Some', 'All', 'Many', 'Other', 'Such', 'Both', 'Each', 'Every', 'Last', 'Today', 'Yesterday', 'Tomorrow', 'So', 'Yet',
  'Still', 'Even', 'Just', 'Only', 'Most', 'More', 'Less', 'Few', 'Several', 'Another', 'Any', 'One', 'Two', 'Three',
  'Is', 'Are', 'Was', 'Were', 'Will', 'Would', 'Can', 'Could', 'Should', 'May', 'Might', 'Do', 'Does', 'Did', 'Has',
  'Have', 'Had', 'Be', 'Been', 'Being', 'Get', 'Got', 'Let', 'Make', 'See', 'Said', 'Says', 'Mr', 'Mrs', 'Ms', 'Dr',
  'Once', 'Because', 'Although', 'Though', 'Unlike', 'Like', 'Despite', 'During', 'Through', 'Between', 'Among',
  'Against', 'Without', 'Within', 'Including', 'Following', 'Amid', 'Via', 'Per', 'Than', 'Upon', 'Until', 'Whether',
  'CEO', 'We', 'WE', 'Us', 'Chief', 'Executive', 'President', 'Founder', 'Chairman', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Sen.', 'Rep.', 'Gov.',
]);

/**
 * Words that open a common-noun phrase. A company's bare name takes none: a short form after one
 * modifies the noun that follows ("both Baltic states") or names a place ("across the Baltic").
 * "that" is left out, being a conjunction as often ("said that Nordwind fell").
 */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'both', 'these', 'those', 'this', 'all', 'each', 'every', 'its', 'their', 'our', 'his', 'your', 'my',
  'some', 'many', 'several', 'other', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
]);

/** Lower-case words before a name that say it is a company: "shares of X", "carmaker X". */
export const COMPANY_CUES_BEFORE = new Set([
  'carmaker', 'automaker', 'chipmaker', 'retailer', 'lender', 'insurer', 'airline', 'carrier', 'conglomerate',
  'startup', 'start-up', 'firm', 'company', 'subsidiary', 'manufacturer', 'publisher', 'broker', 'brokerage',
  'rival', 'competitor', 'giant', 'maker', 'supplier', 'distributor', 'operator', 'developer', 'bank',
  'outlet', 'newspaper', 'broadcaster', 'chain', 'provider', 'vendor', 'fintech', 'unicorn', 'acquirer', 'label',
  'studio', 'publication', 'magazine', 'tabloid', 'owner', 'brand',
]);

/**
 * "watchmaker Fenwick", "a Swiss drugmaker": a word ending in "maker" names a business, except
 * these, which name people, devices or a trade's practitioner.
 */
export const NOT_COMPANY_MAKERS = new Set([
  'lawmaker', 'policymaker', 'filmmaker', 'moviemaker', 'peacemaker', 'troublemaker', 'playmaker', 'kingmaker', 'matchmaker',
  'dressmaker', 'shoemaker', 'homemaker', 'haymaker', 'rainmaker', 'merrymaker', 'holidaymaker', 'pacemaker', 'noisemaker',
  'decision-maker', 'decisionmaker', 'rule-maker', 'rulemaker', 'icemaker', 'cheesemaker', 'winemaker', 'printmaker',
  'mapmaker', 'bookmaker', 'market-maker',
]);

/** Kinds of website whose name follows: "car-pricing site Edmunds", "tech news site Fenwick". */
export const SITE_KINDS = new Set(['news', 'tech', 'technology', 'review', 'reviews', 'pricing', 'car-pricing', 'shopping', 'comparison', 'gossip', 'travel', 'deals', 'booking', 'dating', 'media', 'streaming', 'e-commerce', 'ecommerce']);

/**
 * Cue words that may open a sentence with a capital before a name ("Rival Fenwick cut prices"):
 * the unambiguous ones; "Developer Edition", "Studio Display" and "Bank Holiday" are names themselves.
 */
export const OPENING_CUES = new Set([
  'rival', 'rivals', 'competitor', 'startup', 'start-up', 'carmaker', 'automaker', 'chipmaker', 'retailer', 'lender',
  'insurer', 'conglomerate', 'fintech',
]);

/** Apposition nouns that a product is called too: "XULRunner is a software platform", "Stadia is a brand". */
export const PRODUCT_NOUNS = new Set(['platform', 'app', 'website', 'marketplace', 'brand', 'label', 'publication', 'venture', 'chain', 'business']);

/** Verbs whose object, when named, is a company: "acquired Fenwick", "to acquire Fenwick". */
export const ACQUIRE_VERBS = new Set(['acquired', 'acquire', 'acquires', 'acquiring']);

/** "a merger with X", "a stake in X": phrases before a name that only a company takes. */
export const COMPANY_ONLY_PHRASES = new Set(['merger with', 'takeover of', 'acquisition of', 'stake in', 'subsidiary of', 'spin-off of', 'spinoff of', 'unit of', 'division of']);

/** Words after "X's" that only a company has: "Huawei's chief executive". */
export const COMPANY_CUES_POSSESSIVE = new Set([
  'ceo', 'cfo', 'coo', 'cto', 'chairman', 'chairwoman', 'shares', 'stock', 'shareholders', 'stockholders', 'subsidiary',
  'subsidiaries', 'co-founder', 'ipo', 'valuation', 'executives', 'acquisition', 'merger', 'quarterly', 'fiscal',
  'investors', 'earnings', 'revenue', 'revenues', 'profit', 'profits', 'layoffs', 'stake',
  // What a company makes and runs: "Eufy's doorbells", "Wyze's cameras", "Arlo's app".
  'products', 'devices', 'cameras', 'doorbells', 'app', 'apps', 'website', 'stores', 'factories', 'factory', 'plants',
  // Not "lineup", "subscribers", "app": a product or service has those too ("Stadia's lineup").
  'smartphones', 'headphones', 'chips', 'vehicles', 'brand', 'brands',
]);

/**
 * Nouns of an apposition that make the name before it a company: "Wyze, a smart-home camera
 * maker", "Nordlys Labb, a Norwegian start-up". Nouns that also name a person's job
 * (developer, broker, publisher, owner, operator) are left out: "Smith, a software developer".
 */
export const APPOSITION_NOUNS = new Set([
  'firm', 'company', 'start-up', 'startup', 'maker', 'manufacturer', 'retailer', 'carmaker', 'automaker', 'chipmaker',
  'lender', 'insurer', 'airline', 'carrier', 'conglomerate', 'subsidiary', 'brokerage', 'bank', 'outlet', 'newspaper',
  'broadcaster', 'chain', 'provider', 'vendor', 'supplier', 'fintech', 'unicorn', 'label', 'publication', 'magazine',
  'business', 'brand', 'website', 'platform', 'marketplace', 'app', 'giant', 'spinoff', 'spin-off', 'venture',
]);

/**
 * Lower-case words that may follow an apposition noun and keep it the head of the phrase
 * ("a maker based in Seattle", "a start-up that sells"); any other lower-case word makes it a
 * modifier of another noun ("a company director", "a firm believer").
 */
export const APPOSITION_FOLLOWERS = new Set([
  'that', 'which', 'based', 'in', 'of', 'owned', 'with', 'whose', 'founded', 'backed', 'and', 'from', 'for', 'headquartered',
  'known', 'specialising', 'specializing', 'focused', 'run', 'valued', 'called', 'named', 'listed', 'created', 'set', 'best',
  'behind', 'led', 'where', 'owns', 'makes', 'sells',
]);

/** Titles and roles that mark a person: "curator Kristen Wilkins", "Kristen Wilkins, assistant professor". */
export const PERSON_ROLES = new Set([
  'professor', 'curator', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'analyst', 'chairman', 'chairwoman',
  'founder', 'co-founder', 'economist', 'editor', 'author', 'president', 'minister', 'executive', 'coach', 'lawyer',
  'attorney', 'researcher', 'scientist', 'official', 'secretary', 'ambassador', 'actor', 'actress', 'singer', 'artist',
  'writer', 'journalist', 'reporter', 'manager', 'senator', 'governor', 'mayor', 'judge', 'detective', 'officer', 'member',
  'student', 'teacher', 'doctor', 'head', 'leader', 'general', 'captain', 'commissioner', 'chief', 'ceo', 'cfo', 'investor',
  'billionaire', 'entrepreneur', 'photographer', 'poster', 'blogger', 'designer', 'engineer', 'resident', 'owner',
]);

/** Capitalised titles before a name: never part of a company's name ("Afghan Ambassador", "Emeritus Professor John Burrows"). */
export const PERSON_TITLES = new Set([
  'Ambassador', 'Professor', 'Prof.', 'Emeritus', 'General', 'Major', 'Colonel', 'Captain', 'Detective', 'Commissioner',
  'Mayor', 'Bishop', 'Pope', 'Rev.', 'Reverend', 'Father', 'Sister', 'Brother', 'Sergeant', 'Lieutenant', 'Admiral', 'Senator',
  'Congressman', 'Congresswoman', 'Representative', 'Chancellor', 'Premier', 'Sheikh', 'Emir', 'Sultan', 'Ayatollah', 'Dean',
  'Minister', 'President', 'Secretary', 'Governor', 'King', 'Queen', 'Prince', 'Princess', 'Attorney', 'Judge', 'Justice',
]);

/** Words that keep a company noun after "the" the head of an apposition: "X, the company behind Y"; not "X, the company said". */
export const DEFINITE_APPOSITION_FOLLOWERS = new Set(['that', 'which', 'based', 'headquartered', 'behind', 'owned', 'backed', 'founded', 'in', 'of', 'whose']);

/** Verbs after ", which" that only a business does with its products: "Skullcandy, which makes headphones". */
export const WHICH_VERBS = new Set([
  'makes', 'made', 'sells', 'sold', 'owns', 'operates', 'builds', 'runs', 'provides', 'produces', 'develops', 'manufactures',
  'designs', 'offers', 'publishes', 'supplies', 'distributes', 'employs', 'markets', 'licenses', 'acquired', 'bought',
]);

/**
 * Words that end a news outlet's name ("Deseret News", "Saudi Gazette", "Edmonton Sun"). The
 * words before them may be places, unlike other company names.
 */
export const MEDIA_HEADS = new Set([
  'News', 'Times', 'Herald', 'Gazette', 'Post', 'Journal', 'Tribune', 'Telegraph', 'Chronicle', 'Press', 'Weekly', 'Sun',
  'Magazine', 'Observer', 'Examiner', 'Inquirer', 'Courier', 'Mail', 'Globe', 'Register', 'Dispatch', 'Bulletin',
]);

/** Words that make a media-headed phrase a section or a genre, not an outlet: "Breaking News", "Local News". */
export const GENERIC_MEDIA_WORDS = new Set([
  'Breaking', 'Latest', 'Top', 'Local', 'World', 'Business', 'Daily', 'Morning', 'Evening', 'Sunday', 'Weekly', 'Good',
  'Bad', 'Fake', 'Big', 'Financial', 'National', 'International', 'Digital', 'Online', 'Tech', 'Technology', 'Sports',
  'Science', 'Health', 'Market', 'Markets', 'Money', 'Entertainment', 'Finance', 'More', 'Related', 'Other', 'Live',
  'Medical', 'Press', 'Hard', 'Modern', 'End', 'New', 'Old', 'Front', 'Page', 'Press', 'Your', 'Our', 'Blog', 'Guest',
  'Opinion', 'Politics', 'Economy', 'Weather', 'Travel', 'Style', 'Food', 'Home', 'Family', 'Lifestyle', 'Video', 'Photo',
]);

/** Place words that make a maker's regional company ("Ford Europe", "GM Korea", "Nissan North America"). */
export const REGIONS = new Set([
  'Europe', 'America', 'North America', 'Latin America', 'South America', 'Asia', 'Asia Pacific', 'Africa', 'Korea', 'China',
  'India', 'Japan', 'Canada', 'Australia', 'UK', 'Germany', 'France', 'Brazil', 'Mexico', 'Russia', 'Italy', 'Spain',
  'Ireland', 'Nigeria', 'Indonesia', 'Thailand', 'Vietnam', 'Philippines', 'Turkey', 'Poland', 'Argentina', 'Taiwan',
  'Malaysia', 'Singapore', 'Pakistan', 'Egypt', 'Kenya', 'Netherlands', 'Belgium', 'Sweden', 'Switzerland', 'Austria',
  'Middle East', 'US', 'USA', 'Hong Kong', 'South Africa', 'New Zealand', 'Israel', 'Chile', 'Colombia', 'Peru',
]);

/** "X's chief executive": "chief" counts before these words only (the Taliban has a chief negotiator). */
export const CHIEF_TITLES = new Set(['executive', 'financial', 'operating', 'technology']);

/** Words after a name that say it is a company: "X shares rose", "X Chief Executive". */
export const COMPANY_CUES_AFTER = new Set(['shares', 'stock', 'CEO', 'CFO', 'executives', 'shareholders', 'stockholders']);

/** Kinds of security or company, in capitals like a name: "REIT shares" is no company called REIT. */
export const SECURITY_WORDS = new Set(['REIT', 'REITs', 'ETF', 'ETFs', 'SPAC', 'SPACs', 'ADR', 'ADRs', 'IPO', 'IPOs', 'Class', 'Series', 'Treasury', 'Treasuries', 'Preferred', 'Common']);

/** Exchanges written before a ticker: "(NYSE: HD)", "NASDAQ:AAPL", "(ticker: HD)". */
export const EXCHANGES = new Set([
  'NYSE', 'NASDAQ', 'Nasdaq', 'NasdaqGS', 'NasdaqGM', 'AMEX', 'NYSEARCA', 'NYSEAmerican', 'LSE', 'LON', 'TSX', 'TSXV',
  'ASX', 'HKEX', 'HKG', 'SEHK', 'SSE', 'SZSE', 'SHA', 'SHE', 'TSE', 'TYO', 'KRX', 'KOSDAQ', 'NSE', 'BSE', 'ETR', 'FRA',
  'XETRA', 'EPA', 'AMS', 'SWX', 'SIX', 'BIT', 'BME', 'OTC', 'OTCQX', 'OTCMKTS', 'TASE', 'JSE', 'BMV', 'SGX', 'TWSE',
  'ticker', 'Ticker', 'symbol', 'Symbol', 'TICKER',
]);

/** Words after a company's name that make the whole a product ("Apple Watch", "Google Assistant"). */
export const PRODUCT_WORDS = new Set([
  'Watch', 'Pay', 'Maps', 'Assistant', 'Music', 'TV', 'Store', 'Card', 'Drive', 'Cloud', 'Search', 'Play', 'Photos',
  'Prime', 'Arcade', 'Home', 'Echo', 'Translate', 'Chrome', 'Docs', 'Sheets', 'Glass', 'Fiber', 'Wallet', 'Pencil',
  'Books', 'Podcasts', 'Fitness', 'Health', 'Kids', 'One', 'Plus', 'Pro', 'Lens', 'Meet', 'Chat', 'Workspace', 'Ads',
  'Analytics', 'Sheets', 'Slides', 'Earth', 'Street', 'Scholar', 'News+', 'Video', 'Kindle', 'Alexa', 'Fire', 'Luna',
  'Stadia', 'Pixel', 'Nest', 'Messenger', 'Marketplace', 'Live', 'Stories', 'Reels', 'Spaces', 'Blue', 'Premium',
  'Gold', 'Edge', 'Office', 'Teams', 'Windows', 'Xbox', 'Azure', 'Bing', 'Galaxy', 'Model', 'Autopilot', 'Cybertruck',
  'Powerwall', 'Supercharger', 'Keyboard', 'Mouse', 'Classic', 'Max', 'Mini', 'Air', 'Park', 'Parks', 'World', 'Land',
  'Channel', 'Cruise', 'Cruises', 'All', 'Connect', 'Resort', 'Store', 'Stores', 'Fresh', 'Go', 'Basics', 'Originals', 'Studios',
]);
