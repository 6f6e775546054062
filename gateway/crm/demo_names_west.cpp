// Demo tables: United States, United Kingdom, Germany, France, Sweden, Norway.
// 555-01xx (US) and the Ofcom drama ranges (UK) are reserved for fiction, so no real line is dialled.

#include "crm/demo_names.h"

namespace rapport::demo {
namespace {

constexpr std::string_view kUsMale[] = {"James", "Robert", "Michael", "William", "David", "Richard", "Joseph",
    "Thomas", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Kevin", "Brian", "Tyler",
    "Zachary", "Quentin", "Wyatt", "Isaac", "Ethan", "Xavier", "Dwayne", "Garrett", "Malik", "Trevor"};
constexpr std::string_view kUsFemale[] = {"Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan",
    "Jessica", "Sarah", "Karen", "Nancy", "Lisa", "Betty", "Sandra", "Ashley", "Emily", "Olivia", "Hannah",
    "Grace", "Yolanda", "Vanessa", "Ivy", "Brooke", "Courtney", "Destiny", "Kimberly", "Rachel", "Tiffany"};
constexpr std::string_view kUsLast[] = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
    "Davis", "Rodriguez", "Martinez", "Hernandez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Thompson",
    "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill",
    "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell",
    "Parker", "Evans", "Edwards", "Collins", "Stewart", "O'Connor", "Underwood", "Vaughn", "Yates", "Zimmerman",
    "Ingram", "Fitzgerald", "Okafor", "Nguyen", "Kowalczyk", "Esposito"};
constexpr City kUsCities[] = {{"San Francisco", "941##", "415", "CA"}, {"New York", "100##", "212", "NY"},
    {"Chicago", "606##", "312", "IL"}, {"Austin", "787##", "512", "TX"}, {"Seattle", "981##", "206", "WA"},
    {"Boston", "021##", "617", "MA"}, {"Denver", "802##", "303", "CO"}, {"Atlanta", "303##", "404", "GA"},
    {"Miami", "331##", "305", "FL"}, {"Portland", "972##", "503", "OR"}};
constexpr std::string_view kUsStreets[] = {"% Market Street", "% Main Street", "% Oak Avenue", "% Maple Drive",
    "% Broadway", "% Pine Street", "% Sunset Boulevard", "% Elm Street", "% Washington Avenue", "% Lakeview Road"};
constexpr std::string_view kUsStems[] = {"Summit", "Pioneer", "Redwood", "Blue Ridge", "Liberty", "Keystone",
    "Cascade", "Granite", "Harbor", "Northstar", "Evergreen", "Silverline", "Apex", "Frontier", "Juniper"};
constexpr std::string_view kUsSectors[] = {"Software", "Analytics", "Logistics", "Health", "Energy", "Robotics",
    "Capital", "Foods", "Media", "Labs", "Systems", "Networks"};
constexpr std::string_view kUsFormats[] = {"{stem} {sector} Inc.", "{stem} {sector} LLC", "{stem} {sector}"};
constexpr std::string_view kUsTlds[] = {"com", "com", "io", "us", "net", "co", "ai"};
constexpr std::string_view kUsMail[] = {"gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.com",
    "proton.me", "aol.com"};

constexpr std::string_view kUkMale[] = {"Oliver", "George", "Harry", "Jack", "Charlie", "Alfie", "Archie", "Henry",
    "Rhys", "Callum", "Hamish", "Gareth", "Declan", "Lewis", "Nigel", "Tobias", "Wilfred", "Rupert", "Euan"};
constexpr std::string_view kUkFemale[] = {"Amelia", "Isla", "Ava", "Mia", "Freya", "Poppy", "Florence", "Imogen",
    "Siobhan", "Niamh", "Eilidh", "Bethan", "Ffion", "Keira", "Rosalind", "Harriet", "Gemma", "Philippa"};
constexpr std::string_view kUkLast[] = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies",
    "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harrison",
    "Clarke", "Patel", "Khan", "Morgan", "Llewellyn", "MacDonald", "Fraser", "O'Brien", "Pemberton", "Ashworth",
    "Fairbanks", "Quigley", "Yardley", "Whitmore", "Blackwood", "Gallagher", "Kinnear", "Ramsbottom"};
constexpr City kUkCities[] = {{"London", "EC~@ ~@@", "20 7946", ""}, {"Manchester", "M~ ~@@", "161 496", ""},
    {"Edinburgh", "EH~ ~@@", "131 496", ""}, {"Bristol", "BS~ ~@@", "117 496", ""},
    {"Leeds", "LS~ ~@@", "113 496", ""}, {"Cardiff", "CF~# ~@@", "29 2018", ""},
    {"Glasgow", "G~ ~@@", "141 496", ""}, {"Birmingham", "B~ ~@@", "121 496", ""}};
constexpr std::string_view kUkStreets[] = {"% High Street", "% Baker Street", "% King's Road", "% Victoria Road",
    "% Church Lane", "% Station Road", "% Queen Street", "% Mill Lane"};
constexpr std::string_view kUkStems[] = {"Albion", "Thames", "Pennine", "Crown", "Oakridge", "Kingsway",
    "Highland", "Sterling", "Windsor", "Brightwater", "Cotswold", "Mersey"};
constexpr std::string_view kUkSectors[] = {"Consulting", "Engineering", "Logistics", "Digital", "Foods",
    "Analytics", "Interiors", "Energy", "Finance", "Labs"};
constexpr std::string_view kUkFormats[] = {"{stem} {sector} Ltd", "{stem} {sector} Group plc"};
constexpr std::string_view kUkTlds[] = {"co.uk", "co.uk", "com", "uk", "io"};
constexpr std::string_view kUkMail[] = {"gmail.com", "hotmail.co.uk", "outlook.com", "btinternet.com",
    "yahoo.co.uk", "sky.com"};
constexpr std::string_view kUkTitles[] = {"Managing Director", "Head of Procurement", "Finance Director",
    "Commercial Manager", "Head of Sales", "IT Manager"};

constexpr std::string_view kDeMale[] = {"Jürgen", "Lukas", "Maximilian", "Jörg", "Dieter", "Uwe", "Günther",
    "Björn", "Stefan", "Matthias", "Klaus", "Florian", "Tobias", "Sören", "Volker", "Maik", "Benedikt",
    "Rüdiger", "Xaver", "Hans-Peter", "Ole", "Wolfgang"};
constexpr std::string_view kDeFemale[] = {"Anna", "Leonie", "Sophie", "Birgit", "Sabine", "Katrin", "Hannelore",
    "Ursula", "Anja", "Heike", "Franziska", "Wiebke", "Gisela", "Ingrid", "Dörte", "Elke", "Käthe", "Annegret",
    "Jana", "Frauke", "Merle"};
constexpr std::string_view kDeLast[] = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
    "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
    "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange", "Köhler", "Weiß", "Jäger", "Groß", "Vogel",
    "Lehmann", "Kühn", "Böhm", "Fuchs", "Ebert", "Pfeiffer", "Ostermann", "Ulrich", "Yilmaz", "Dreßler"};
constexpr City kDeCities[] = {{"Berlin", "10###", "30", ""}, {"München", "80###", "89", ""},
    {"Hamburg", "20###", "40", ""}, {"Köln", "50###", "221", ""}, {"Frankfurt am Main", "60###", "69", ""},
    {"Stuttgart", "70###", "711", ""}, {"Düsseldorf", "40###", "211", ""}, {"Leipzig", "04###", "341", ""},
    {"Nürnberg", "90###", "911", ""}, {"Dresden", "01###", "351", ""}};
constexpr std::string_view kDeStreets[] = {"Hauptstraße %", "Bahnhofstraße %", "Goethestraße %",
    "Schillerstraße %", "Lindenallee %", "Am Markt %", "Königsallee %", "Friedrichstraße %", "Mühlenweg %",
    "Gartenstraße %"};
constexpr std::string_view kDeStems[] = {"Nordwind", "Alpen", "Rhein", "Elbtal", "Schwarzwald", "Isar", "Hanse",
    "Spree", "Taunus", "Sonnen", "Weser", "Bergland"};
constexpr std::string_view kDeSectors[] = {"Logistik", "Maschinenbau", "Software", "Energie", "Medien", "Bau",
    "Handel", "Technik", "Verpackung", "Consulting", "Werkzeug"};
constexpr std::string_view kDeFormats[] = {"{stem} {sector} GmbH", "{stem}{sector} AG",
    "{stem} {sector} GmbH & Co. KG"};
constexpr std::string_view kDeTlds[] = {"de", "de", "com", "eu"};
constexpr std::string_view kDeMail[] = {"gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de",
    "outlook.de"};
constexpr std::string_view kDeTitles[] = {"Einkaufsleiter|Einkaufsleiterin", "Geschäftsführer|Geschäftsführerin",
    "Vertriebsleiter|Vertriebsleiterin", "Leiter Marketing|Leiterin Marketing", "Prokurist|Prokuristin",
    "Teamleiter IT|Teamleiterin IT", "Projektmanager|Projektmanagerin", "Technischer Leiter|Technische Leiterin"};
constexpr std::string_view kDeNotes[] = {"Rückruf erbeten, am liebsten vormittags.",
    "Interesse an der Jahreslizenz – Angebot folgt.", "Hat auf der Hannover Messe unseren Stand besucht.",
    "Bitte nur per E-Mail kontaktieren."};

constexpr std::string_view kFrMale[] = {"François", "Théo", "Jérôme", "Gaël", "Benoît", "Loïc", "Éric",
    "Raphaël", "Julien", "Nicolas", "Sébastien", "Antoine", "Yves", "Xavier", "Quentin", "Gérard", "Mathéo",
    "Hervé", "Cédric", "Aurélien"};
constexpr std::string_view kFrFemale[] = {"Zoë", "Amélie", "Hélène", "Léa", "Chloé", "Céline", "Noémie",
    "Maëlle", "Inès", "Élodie", "Anaïs", "Camille", "Océane", "Margaux", "Brigitte", "Victoire", "Ophélie",
    "Séverine", "Gwenaëlle", "Françoise"};
constexpr std::string_view kFrLast[] = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
    "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François",
    "Fontaine", "Rousseau", "Chevalier", "Gauthier", "Perrin", "Béranger", "Lécuyer", "Cœurdevey", "Ézéchiel"};
constexpr City kFrCities[] = {{"Paris", "750##", "1", ""}, {"Lyon", "6900~", "4", ""},
    {"Marseille", "130##", "4", ""}, {"Toulouse", "310##", "5", ""}, {"Bordeaux", "330##", "5", ""},
    {"Lille", "590##", "3", ""}, {"Nantes", "440##", "2", ""}, {"Strasbourg", "670##", "3", ""},
    {"Nice", "060##", "4", ""}};
constexpr std::string_view kFrStreets[] = {"% rue de Rivoli", "% avenue des Champs-Élysées",
    "% rue de la République", "% boulevard Haussmann", "% place Bellecour", "% rue Sainte-Catherine",
    "% quai des Chartrons", "% rue du Faubourg Saint-Honoré"};
constexpr std::string_view kFrStems[] = {"Lumière", "Horizon", "Azur", "Étoile", "Atlantique", "Provence",
    "Mistral", "Garonne", "Bretagne", "Alpin", "Océan"};
constexpr std::string_view kFrSectors[] = {"Conseil", "Logistique", "Informatique", "Énergie", "Médias",
    "Bâtiment", "Distribution", "Ingénierie", "Santé", "Finance"};
constexpr std::string_view kFrFormats[] = {"{stem} {sector} SA", "{stem} {sector} SAS",
    "Groupe {stem} {sector}"};
constexpr std::string_view kFrTlds[] = {"fr", "fr", "com", "eu"};
constexpr std::string_view kFrMail[] = {"orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr",
    "hotmail.fr"};
constexpr std::string_view kFrTitles[] = {"Directeur commercial|Directrice commerciale",
    "Directeur des achats|Directrice des achats", "Responsable marketing", "Chef de projet|Cheffe de projet",
    "Directeur général|Directrice générale", "Responsable achats", "Ingénieur commercial|Ingénieure commerciale"};
constexpr std::string_view kFrNotes[] = {"Préfère être contactée par e-mail.", "Rencontré au salon VivaTech.",
    "À relancer après les congés d'été.", "Très satisfait du support 👍"};

constexpr std::string_view kSeMale[] = {"Björn", "Göran", "Lars", "Anders", "Sven", "Oskar", "Hugo", "Erik",
    "Nils", "Håkan", "Gustav", "Ulf", "Viktor", "Jörgen", "Pelle", "Måns"};
constexpr std::string_view kSeFemale[] = {"Åsa", "Maja", "Elsa", "Ingrid", "Karin", "Linnéa", "Saga", "Sofia",
    "Astrid", "Märta", "Ebba", "Tove", "Ylva", "Agneta", "Lovisa"};
constexpr std::string_view kSeLast[] = {"Ångström", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
    "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Lindqvist", "Lindström", "Bergström", "Sjöberg",
    "Åberg", "Öhman", "Lundgren", "Holmberg", "Wallin", "Engström", "Hägglund", "Nyström", "Forsberg"};
constexpr City kSeCities[] = {{"Stockholm", "1~# ##", "8", ""}, {"Göteborg", "4~# ##", "31", ""},
    {"Malmö", "2~# ##", "40", ""}, {"Uppsala", "75# ##", "18", ""}, {"Linköping", "58# ##", "13", ""},
    {"Umeå", "90# ##", "90", ""}};
constexpr std::string_view kSeStreets[] = {"Drottninggatan %", "Storgatan %", "Kungsgatan %", "Sveavägen %",
    "Götgatan %", "Östra Hamngatan %", "Strandvägen %"};
constexpr std::string_view kSeStems[] = {"Nordic", "Fjäll", "Skog", "Polar", "Vinter", "Stjärn", "Havs", "Ljus"};
constexpr std::string_view kSeSectors[] = {"Data", "Teknik", "Logistik", "Energi", "Design", "Konsult", "Bygg"};
constexpr std::string_view kSeFormats[] = {"{stem} {sector} AB", "{stem}{sector} AB"};
constexpr std::string_view kSeTlds[] = {"se", "se", "com", "nu"};
constexpr std::string_view kSeMail[] = {"gmail.com", "hotmail.se", "telia.com", "outlook.com", "bredband.net"};
constexpr std::string_view kSeTitles[] = {"Inköpschef", "VD", "Försäljningschef", "Marknadschef",
    "Projektledare", "IT-chef"};
constexpr std::string_view kSeNotes[] = {"Föredrar möten på förmiddagen.", "Fika på torsdag ☕"};

constexpr std::string_view kNoMale[] = {"Øystein", "Ola", "Håkon", "Bjørn", "Torbjørn", "Espen", "Jørgen",
    "Eirik", "Sindre", "Halvor", "Magnus", "Trygve"};
constexpr std::string_view kNoFemale[] = {"Ingrid", "Kari", "Sigrid", "Solveig", "Ragnhild", "Marit", "Åse",
    "Tuva", "Live", "Frøya", "Synnøve", "Hege"};
constexpr std::string_view kNoLast[] = {"Øberg", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen",
    "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Haugen", "Bakken", "Solberg", "Sæther", "Lie", "Dahl",
    "Strøm", "Haugland", "Moe", "Ødegård", "Løvås", "Aasen", "Fjeld"};
constexpr City kNoCities[] = {{"Oslo", "0###", "22", ""}, {"Bergen", "5###", "55", ""},
    {"Trondheim", "7###", "73", ""}, {"Stavanger", "4###", "51", ""}, {"Tromsø", "9###", "77", ""}};
constexpr std::string_view kNoStreets[] = {"Karl Johans gate %", "Storgata %", "Bryggen %", "Kongens gate %",
    "Strandgaten %", "Bogstadveien %"};
constexpr std::string_view kNoStems[] = {"Fjord", "Nord", "Viking", "Havbris", "Nordlys", "Fjell", "Bølge"};
constexpr std::string_view kNoSectors[] = {"Data", "Energi", "Shipping", "Teknologi", "Sjømat", "Bygg"};
constexpr std::string_view kNoFormats[] = {"{stem} {sector} AS", "{stem}{sector} ASA"};
constexpr std::string_view kNoTlds[] = {"no", "no", "com"};
constexpr std::string_view kNoMail[] = {"gmail.com", "online.no", "hotmail.no", "outlook.com"};
constexpr std::string_view kNoTitles[] = {"Daglig leder", "Innkjøpssjef", "Salgssjef", "Økonomisjef"};
constexpr std::string_view kNoNotes[] = {"Ønsker tilbud før jul 🎄", "Foretrekker e-post framfor telefon."};

constexpr Locale kLocales[] = {
    {.country = "United States", .weight = 14, .maleFirst = kUsMale, .femaleFirst = kUsFemale,
     .lastNames = kUsLast, .cities = kUsCities, .streets = kUsStreets, .landline = "+1 {area}-555-01##",
     .mobile = "+1 {area}-555-01##", .companyStems = kUsStems, .companySectors = kUsSectors,
     .companyFormats = kUsFormats, .tlds = kUsTlds, .personalDomains = kUsMail},
    {.country = "United Kingdom", .weight = 6, .maleFirst = kUkMale, .femaleFirst = kUkFemale,
     .lastNames = kUkLast, .cities = kUkCities, .streets = kUkStreets, .landline = "+44 {area} 0###",
     .mobile = "+44 7700 900###", .companyStems = kUkStems, .companySectors = kUkSectors,
     .companyFormats = kUkFormats, .tlds = kUkTlds, .personalDomains = kUkMail, .titles = kUkTitles},
    {.country = "Germany", .weight = 10, .maleFirst = kDeMale, .femaleFirst = kDeFemale, .lastNames = kDeLast,
     .germanUmlauts = true, .cities = kDeCities, .streets = kDeStreets, .landline = "+49 {area} ~## ####",
     .mobile = "+49 17# #######", .companyStems = kDeStems, .companySectors = kDeSectors,
     .companyFormats = kDeFormats, .tlds = kDeTlds, .personalDomains = kDeMail, .titles = kDeTitles,
     .notes = kDeNotes},
    {.country = "France", .weight = 7, .maleFirst = kFrMale, .femaleFirst = kFrFemale, .lastNames = kFrLast,
     .cities = kFrCities, .streets = kFrStreets, .landline = "+33 {area} ~# ## ## ##",
     .mobile = "+33 6 ## ## ## ##", .companyStems = kFrStems, .companySectors = kFrSectors,
     .companyFormats = kFrFormats, .tlds = kFrTlds, .personalDomains = kFrMail, .titles = kFrTitles,
     .notes = kFrNotes},
    {.country = "Sweden", .weight = 3, .maleFirst = kSeMale, .femaleFirst = kSeFemale, .lastNames = kSeLast,
     .cities = kSeCities, .streets = kSeStreets, .landline = "+46 {area} ~## ## ##",
     .mobile = "+46 70 ### ## ##", .companyStems = kSeStems, .companySectors = kSeSectors,
     .companyFormats = kSeFormats, .tlds = kSeTlds, .personalDomains = kSeMail, .titles = kSeTitles,
     .notes = kSeNotes},
    {.country = "Norway", .weight = 2, .maleFirst = kNoMale, .femaleFirst = kNoFemale, .lastNames = kNoLast,
     .cities = kNoCities, .streets = kNoStreets, .landline = "+47 {area} ## ## ##", .mobile = "+47 9## ## ###",
     .companyStems = kNoStems, .companySectors = kNoSectors, .companyFormats = kNoFormats, .tlds = kNoTlds,
     .personalDomains = kNoMail, .titles = kNoTitles, .notes = kNoNotes},
};

} // namespace

std::span<const Locale> westernLocales() { return kLocales; }

} // namespace rapport::demo
