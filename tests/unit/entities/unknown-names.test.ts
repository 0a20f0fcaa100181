import { describe, expect, it } from 'vitest';
import { recognize } from '@/lib/entities';

function companies(text: string): string[] {
  return recognize(text).filter((e) => e.type === 'company').map((e) => e.text);
}

// Companies no gazetteer lists, found by what the text says about them; each rule beside the
// people, places and agencies it must leave alone (org in the guidelines).
describe('unknown names the text presents as companies', () => {
  it('takes a name followed by an apposition with a company word, also in lower case', () => {
    expect(companies('Wyze, a smart-home camera maker based in Seattle, cut prices. Wyze sold 2 million units.')).toEqual(['Wyze', 'Wyze']);
    expect(companies('Nordlys Labb, a Norwegian start-up, raised money.')).toEqual(['Nordlys Labb']);
    expect(companies('adgorithm, an ad-tech start-up, was sold. Investors in adgorithm were paid.')).toEqual(['adgorithm', 'adgorithm']);
    expect(companies('SBM Intel, a Lagos intelligence firm, said turnout was low.')).toEqual(['SBM Intel']);
    // A person, a place, an agency, and a company word that heads another noun.
    expect(companies('Jane Dorsey, a company director, resigned. Dorsey, a firm believer in rules, left.')).toEqual([]);
    expect(companies('Lagos, a city of 15 million, and Ofcom, a regulator, agreed.')).toEqual([]);
  });

  it('takes a name followed by ", which makes ..."', () => {
    expect(companies('Skullcandy, which makes headphones, was bought in 2016.')).toEqual(['Skullcandy']);
    expect(companies('It cut jobs at Meetup, which it acquired for $200 million.')).toEqual(['Meetup']);
    expect(companies('Texas, which makes up a tenth of output, and Nevada, which owns land, voted.')).toEqual([]);
  });

  it('takes a name "according to", and one that said something "in a statement"', () => {
    expect(companies('Prices fell 3%, according to Edmunds.')).toEqual(['Edmunds']);
    expect(companies('According to the Saudi Gazette, the cranes fell.')).toEqual(['Saudi Gazette']);
    expect(companies('Arlo said in a statement that it had fixed the flaw.')).toEqual(['Arlo']);
    expect(companies('Mary Barra said it would. Barra said in a statement that she agreed.')).toEqual([]);
    expect(companies('The rate rose, according to the Federal Statistics Office. According to John Smith, it fell.')).toEqual([]);
  });

  it("takes a name whose cameras, products or app the text mentions", () => {
    expect(companies("Ring's cameras and Eufy's doorbells sold out. Eufy's products were recalled.")).toEqual(['Ring', 'Eufy', 'Eufy']);
    // A product has a lineup and subscribers too.
    expect(companies("Stadia's lineup is thin and Stadia's subscribers are few.")).toEqual([]);
    expect(companies("Mary Smith's cameras were stolen; Texas's products were praised.")).toEqual([]);
  });

  it('takes "X-owned Y" and "X-backed Y" as a company owning another', () => {
    expect(companies('The Amazon-owned Ring and the Kaszek-backed Nubank grew.')).toEqual(['Amazon', 'Ring', 'Kaszek', 'Nubank']);
    expect(companies('The state-owned bank and the Iran-backed group and the Scientology-owned cruise ship.')).toEqual([]);
  });

  it('takes a domain name as a company, and its stem later on', () => {
    expect(companies('Edmunds.com said prices rose. Edmunds expects more.')).toEqual(['Edmunds.com', 'Edmunds']);
    expect(companies('Read it on CBC.ca and 9to5Mac.com today.')).toEqual(['CBC.ca', '9to5Mac.com']);
    expect(companies('Go to pic.twitter.com/abc or example.org or whitehouse.gov for more.')).toEqual([]);
  });

  it('takes a news outlet by its name word, places included', () => {
    expect(companies('The Deseret News observed it; the Straits Times noted it; the Edmonton Sun and the Canadian Press agreed.')).toEqual([
      'Deseret News', 'Straits Times', 'Edmonton Sun', 'Canadian Press',
    ]);
    expect(companies('Breaking News: Local News and Business News at the Medical Journal of Australia.')).toEqual([]);
  });

  it('counts every later mention of a name once found', () => {
    expect(companies('Kasa, a maker of smart plugs, grew. Kasa plans to hire. Shares of Kasa rose.')).toEqual(['Kasa', 'Kasa', 'Kasa']);
  });
});

describe('a surname is a person, not the company named after him', () => {
  it('does not carry a company name over to a person of that name', () => {
    expect(companies('Trump Airlines flew in 1989. Donald Trump said he would sell it. Trump said no.')).toEqual(['Trump Airlines']);
  });

  it('knows the person by an abbreviated title too ("Mr. Trump", "Ms. Ortega"), whose full stop is a token of its own', () => {
    expect(companies('Trump Airlines flew in 1989. Mr. Trump said he would sell it. Trump said no.')).toEqual(['Trump Airlines']);
    expect(companies('Ortega Foods Ltd. grew. Ms. Ortega, its founder, said it would hire.')).toEqual(['Ortega Foods Ltd.']);
  });

  it('takes the surname as the company where the text uses it so', () => {
    expect(companies('Carl Icahn said he sold. Icahn Enterprises said it bought. Shares of Icahn fell.')).toEqual(['Icahn Enterprises', 'Icahn']);
  });
});

describe('names built on a known company', () => {
  it('takes a maker with a region as the regional company ("Maker Country")', () => {
    expect(companies('Ford Europe and GM Korea cut jobs.')).toEqual(['Ford Europe', 'GM Korea']);
  });

  it('takes the new-company form "New X"', () => {
    expect(companies('New GM emerged from bankruptcy; Old GM was wound down.')).toEqual(['New GM', 'GM']);
  });
});

describe('statements from teams and people', () => {
  it('does not take a sports team or a person with a middle initial for a company', () => {
    expect(companies("Mourinho replaces Pochettino as Tottenham's manager. Tottenham said in a statement that he starts today.")).toEqual([]);
    expect(companies('James P. Kennedy Jr. filed the case. Kennedy said in a statement that it was closed.')).toEqual([]);
  });
});

describe('short forms of listed companies and picture credits', () => {
  it("takes a listed company's distinctive first word after its full name, not a word the text also uses", () => {
    expect(companies('Dish Network lost subscribers. Dish said it would cut prices.')).toEqual(['Dish Network', 'Dish']);
    expect(companies('Live Nation sold tickets to see the band live. Tickets at Jiffy Lube Live went fast.')).toEqual(['Live Nation']);
    expect(companies('Live Nation sold tickets. Tickets at Jiffy Lube Live went fast.')).toEqual(['Live Nation']);
  });

  it("takes a picture's credited source, not an asset class in capitals", () => {
    expect(companies('The rocket rose. Main image credit: Getty')).toEqual(['Getty']);
    expect(companies('REIT shares rose 3%.')).toEqual([]);
  });
});

describe('lower-case brands opening a sentence', () => {
  it('takes a sentence opening in lower case with a brand the text also gives a possessive, and its other mentions', () => {
    expect(companies('Deals are live. ecobee completely redesigned its thermostat. Prices on ecobee thermostats fell, and ecobee’s sensor too.')).toEqual(['ecobee', 'ecobee', 'ecobee']);
    // A lower-case word opening a sentence without one stays a word; so does a contraction.
    expect(companies('It was cut. ecobee completely redesigned it. there’s more. Nothing else.')).toEqual([]);
  });
});

describe('a name before its exchange ticker', () => {
  it('takes the name before "(EXCHANGE: TICKER)" as the listed company, with the ticker', () => {
    const found = recognize('Fenwick (NASDAQ: FNWK) rose 4%. On Monday, Fenwick Inc. (NYSE:FNWK) said it would hire.').filter((e) => e.type === 'company');
    expect(found.map((e) => e.text)).toEqual(['Fenwick', 'NASDAQ: FNWK', 'Fenwick Inc.', 'NYSE:FNWK']);
    expect(new Set(found.map((e) => e.id)).size).toBe(1);
    expect(found[0]!.ticker).toBe('FNWK');
    // A department or an agency before a bracket is no listed company, and a ticker alone names nothing before it.
    expect(companies('The Treasury Department (NYSE: XYZ) and then (NYSE: XYZ) rose.')).toEqual(['NYSE: XYZ', 'NYSE: XYZ']);
  });
});

describe('more company cues for unknown names', () => {
  it('takes any maker but a lawmaker or a filmmaker as a company word', () => {
    expect(companies('Fenwick, the Swiss watchmaker, grew. Watchmaker Zorblax said so; the drugmaker Kestrel too.')).toEqual(['Fenwick', 'Zorblax', 'Kestrel']);
    expect(companies('Lawmaker Jane Fenwick, a filmmaker, spoke; the policymaker Tom Zorblax agreed.')).toEqual([]);
  });

  it('takes a cue word opening a sentence with a capital ("Rival Fenwick")', () => {
    expect(companies('Rival Fenwick cut prices. Startup Zorblax raised money.')).toEqual(['Fenwick', 'Zorblax']);
    // Names that open with a cue word: a product, an edition.
    expect(companies('Developer Edition is out. Rivals met. Studio Display shipped.')).toEqual([]);
  });

  it('takes a name said to be a company: "Fenwick is a start-up that makes cameras"', () => {
    expect(companies('Fenwick is a start-up that makes cameras. Zorblax was a watchmaker based in Geneva.')).toEqual(['Fenwick', 'Zorblax']);
    expect(companies('Dorsey is a firm believer in rules. Jane Smith is a company director.')).toEqual([]);
    // A product is a platform or a brand too.
    expect(companies('XULRunner is a software platform and technology. Stadia is a brand.')).toEqual([]);
  });

  it('takes an owner, a bought business and a merger partner', () => {
    expect(companies('The brand is owned by Fenwick. Apple acquired Zorblax in 2014 and plans to acquire Kestrel.')).toEqual(['Fenwick', 'Apple', 'Zorblax', 'Kestrel']);
    expect(companies('It agreed a merger with Fenwick and took a stake in Zorblax.')).toEqual(['Fenwick', 'Zorblax']);
    // The document's people, and a person's company.
    expect(companies('Carl Fenwick spoke. The house is owned by Fenwick. Coty took a stake in Kylie Jenner\'s cosmetics company.')).toEqual(['Coty']);
  });

  it('takes a business owned by a company the document has found: "Jaybird, owned by Logitech"', () => {
    expect(companies('Jaybird, owned by Logitech, makes earbuds. Jaybird said so.')).toEqual(['Jaybird', 'Logitech', 'Jaybird']);
    expect(companies('Whole Foods, which is owned by Amazon, cut prices.')).toEqual(['Whole Foods', 'Amazon']);
    expect(companies('Chelsea, owned by Roman Abramovich, won. Jane Smith, owned by nobody, left.')).toEqual([]);
  });

  it('takes a brand and a kind of website before a name', () => {
    expect(companies('The headphone brand Jaybird grew. The car-pricing site Fenwick and the tech news site Zorblax agreed.')).toEqual(['Jaybird', 'Fenwick', 'Zorblax']);
    expect(companies('The test site Punggye and the website Sunday were named.')).toEqual([]);
  });
});

describe('lower-case and camel-case brands after a company noun', () => {
  it('takes the brand a company noun introduces as the subject of what a company does, and its other mentions', () => {
    expect(companies('The ad-tech start-up xyzzo raised $5 million. xyzzo plans to hire.')).toEqual(['xyzzo', 'xyzzo']);
    expect(companies('The camera maker eufyCam said it would cut prices. Investors like eufyCam.')).toEqual(['eufyCam', 'eufyCam']);
    expect(companies('The fintech start-up payzo, founded in 2019, grew.')).toEqual(['payzo']);
  });

  it('leaves the common nouns, roles and adverbs that stand there too', () => {
    expect(companies('Company officials said so. The company itself said no. The company spokesman said no. The company seldom has ideas.')).toEqual([]);
    expect(companies('The start-up phase was long. The startup ecosystem is big. The company statement said no.')).toEqual([]);
    // A word the text also puts after a determiner is a noun.
    expect(companies('The start-up culture raised eyebrows; the culture of the place is odd.')).toEqual([]);
  });
});

describe('longer names and banks', () => {
  it("takes a maker's finance arm and a carrier's lines whole", () => {
    expect(companies('Ford Motor Credit and Nissan Motor Acceptance lent more; Korean Air Lines flew.')).toEqual(['Ford Motor Credit', 'Nissan Motor Acceptance', 'Korean Air Lines']);
    expect(companies('Fenwick Air Lines flew. Fenwick said so.')).toEqual(['Fenwick Air Lines', 'Fenwick']);
    // A voucher, another name, a kind of business.
    expect(companies('Get $10 Amazon Credit now at Coastal Credit Union, or options like Cruise Line or Well Water.')).toEqual(['Amazon']);
  });

  it('takes a bank named by its own words, not a central, development, blood or food bank, nor a place', () => {
    // Invented names: the gazetteer lists the failed banks of 2008 ("IndyMac Bank") now.
    expect(companies('Zorvex Bank failed. Silicon Valley Bank too.')).toEqual(['Zorvex Bank', 'Silicon Valley Bank']);
    expect(companies('The West Bank, the European Investment Bank, the World Bank and the Food Bank helped.')).toEqual([]);
  });

  it('takes a name with a company word at the end of a list ("Google and Fenwick Labs"), not inside a longer title', () => {
    expect(companies('Apple, Google and Fenwick Labs met. Lehman Brothers, Bear Stearns, and Zorvex Bank failed.')).toEqual(['Apple', 'Google', 'Fenwick Labs', 'Lehman Brothers', 'Bear Stearns', 'Zorvex Bank']);
    expect(companies('Picture Archiving and Communication Systems are used.')).toEqual([]);
  });
});

describe('a spokesperson of an unknown name', () => {
  it('takes "a Fenwick spokesperson said", not a party, an agency or a person', () => {
    expect(companies('A Fenwick spokesperson said so. Fenwick did not respond.')).toEqual(['Fenwick', 'Fenwick']);
    expect(companies('A Pentagon spokesman, a Labour spokeswoman and a White House spokesperson spoke. Trump\'s spokesman said.')).toEqual([]);
  });
});
