// Demo tables: Spain, Portugal, Brazil, Poland, Turkey, Greece.
// Polish and Greek surnames change with gender, so those use feminine lists parallel to the masculine ones
// (Polish: only the -ski/-cki names differ; the rest are the same in both lists).

#include "crm/demo_names.h"

namespace rapport::demo {
namespace {

constexpr std::string_view kEsMale[] = {"José", "Álvaro", "Jesús", "Ángel", "Martín", "Íñigo", "Raúl", "Sergio",
    "Javier", "Andrés", "Óscar", "Pablo", "Rubén", "Iker", "Gonzalo", "Xabier", "Joaquín", "Fermín"};
constexpr std::string_view kEsFemale[] = {"María", "Núria", "Lucía", "Begoña", "Sofía", "Inés", "Carmen", "Pilar",
    "Rocío", "Elena", "Ainhoa", "Marta", "Nerea", "Yolanda", "Montserrat", "Araceli", "Itziar"};
constexpr std::string_view kEsLast[] = {"García", "Fernández", "González", "Rodríguez", "López", "Martínez",
    "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez",
    "Romero", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Serrano", "Núñez", "Ibáñez",
    "Castaño", "Echeverría", "Zubizarreta", "Olmedo", "Quintana", "Urquijo", "Ybarra"};
constexpr City kEsCities[] = {{"Madrid", "280##", "91", ""}, {"Barcelona", "080##", "93", ""},
    {"Valencia", "460##", "96", ""}, {"Sevilla", "410##", "95", ""}, {"Bilbao", "480##", "94", ""},
    {"Málaga", "290##", "95", ""}, {"Zaragoza", "500##", "976", ""}};
constexpr std::string_view kEsStreets[] = {"Calle Mayor, %", "Gran Vía, %", "Paseo de la Castellana, %",
    "Avinguda Diagonal, %", "Calle de Alcalá, %", "Plaza de España, %", "Calle Larios, %",
    "Rambla de Catalunya, %"};
constexpr std::string_view kEsStems[] = {"Ibérica", "Solar", "Atlántico", "Mediterráneo", "Castilla", "Levante",
    "Sierra", "Aurora", "Cantábrico"};
constexpr std::string_view kEsSectors[] = {"Logística", "Consultoría", "Energía", "Software", "Alimentación",
    "Construcción", "Turismo", "Medios"};
constexpr std::string_view kEsFormats[] = {"{sector} {stem} S.L.", "{stem} {sector} S.A."};
constexpr std::string_view kEsTlds[] = {"es", "es", "com", "eu"};
constexpr std::string_view kEsMail[] = {"gmail.com", "hotmail.es", "yahoo.es", "outlook.es", "telefonica.net"};
constexpr std::string_view kEsTitles[] = {"Director de Compras|Directora de Compras",
    "Director Comercial|Directora Comercial", "Jefe de Ventas|Jefa de Ventas", "Responsable de Marketing",
    "Gerente", "Director Financiero|Directora Financiera"};
constexpr std::string_view kEsNotes[] = {"Prefiere llamadas por la tarde.", "Conocido en la feria de Barcelona.",
    "¡Muy interesado en la demo! 🎉"};

constexpr std::string_view kPtMale[] = {"João", "Tiago", "Gonçalo", "Rui", "Duarte", "Sérgio", "Fábio", "Vasco",
    "Nuno", "Simão", "Afonso", "Bernardo"};
constexpr std::string_view kPtFemale[] = {"Maria", "Inês", "Beatriz", "Leonor", "Mafalda", "Joana", "Conceição",
    "Matilde", "Ana", "Raquel", "Constança", "Madalena"};
constexpr std::string_view kPtLast[] = {"Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa",
    "Rodrigues", "Martins", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves", "Almeida",
    "Ribeiro", "Pinto", "Carvalho", "Magalhães", "Brandão", "Araújo", "Guimarães", "Quaresma"};
constexpr City kPtCities[] = {{"Lisboa", "1~##-###", "21", ""}, {"Porto", "4~##-###", "22", ""},
    {"Coimbra", "3~##-###", "239", ""}, {"Braga", "47##-###", "253", ""}, {"Faro", "8~##-###", "289", ""}};
constexpr std::string_view kPtStreets[] = {"Rua Augusta, %", "Avenida da Liberdade, %",
    "Rua de Santa Catarina, %", "Praça do Comércio, %", "Rua do Carmo, %"};
constexpr std::string_view kPtStems[] = {"Lusitânia", "Atlântico", "Tejo", "Douro", "Navegador", "Algarve",
    "Estrela"};
constexpr std::string_view kPtSectors[] = {"Tecnologia", "Logística", "Energia", "Consultoria", "Têxteis",
    "Vinhos"};
constexpr std::string_view kPtFormats[] = {"{stem} {sector}, Lda.", "{stem} {sector}, S.A."};
constexpr std::string_view kPtTlds[] = {"pt", "pt", "com"};
constexpr std::string_view kPtMail[] = {"gmail.com", "sapo.pt", "hotmail.com", "outlook.pt"};
constexpr std::string_view kPtTitles[] = {"Diretor Comercial|Diretora Comercial",
    "Diretor de Compras|Diretora de Compras", "Gestor de Projeto|Gestora de Projeto",
    "Administrador|Administradora"};
constexpr std::string_view kPtNotes[] = {"Prefere contacto por telefone.", "Reunião marcada para setembro."};

constexpr std::string_view kBrMale[] = {"João", "Luiz", "Thiago", "Rafael", "Gustavo", "Mateus", "Vinícius",
    "Caio", "Leandro", "Otávio", "Rodrigo", "Wellington"};
constexpr std::string_view kBrFemale[] = {"Ana", "Fernanda", "Juliana", "Camila", "Letícia", "Larissa",
    "Bárbara", "Natália", "Patrícia", "Débora", "Tatiane", "Gabriela"};
constexpr std::string_view kBrLast[] = {"Silva", "Souza", "Oliveira", "Lima", "Pereira", "Carvalho", "Barbosa",
    "Nascimento", "Araújo", "Cavalcanti", "Monteiro", "Teixeira", "Rocha", "Azevedo", "Campos", "Cardoso",
    "Moraes", "Vieira", "Batista", "Xavier", "Figueiredo", "Damasceno"};
constexpr City kBrCities[] = {{"São Paulo", "0~###-###", "11", "SP"}, {"Rio de Janeiro", "2~###-###", "21", "RJ"},
    {"Belo Horizonte", "3~###-###", "31", "MG"}, {"Curitiba", "8~###-###", "41", "PR"},
    {"Porto Alegre", "9~###-###", "51", "RS"}, {"Recife", "5~###-###", "81", "PE"}};
constexpr std::string_view kBrStreets[] = {"Avenida Paulista, %", "Rua Oscar Freire, %", "Avenida Atlântica, %",
    "Rua das Flores, %", "Avenida Brasil, %"};
constexpr std::string_view kBrStems[] = {"Amazônia", "Cerrado", "Ipê", "Horizonte", "Carioca", "Paulista",
    "Tropical", "Guanabara"};
constexpr std::string_view kBrSectors[] = {"Tecnologia", "Logística", "Agronegócio", "Energia", "Consultoria",
    "Varejo", "Saúde"};
constexpr std::string_view kBrFormats[] = {"{stem} {sector} Ltda.", "{stem} {sector} S.A."};
constexpr std::string_view kBrTlds[] = {"com.br", "com.br", "br", "com"};
constexpr std::string_view kBrMail[] = {"gmail.com", "hotmail.com", "uol.com.br", "bol.com.br", "outlook.com"};
constexpr std::string_view kBrTitles[] = {"Gerente de Compras", "Diretor Comercial|Diretora Comercial",
    "Coordenador de TI|Coordenadora de TI", "Analista de Vendas"};
constexpr std::string_view kBrNotes[] = {"Prefere WhatsApp para contato rápido 📱", "Pediu proposta revisada."};

constexpr std::string_view kPlMale[] = {"Łukasz", "Paweł", "Michał", "Wojciech", "Grzegorz", "Bartłomiej",
    "Krzysztof", "Piotr", "Jędrzej", "Tomasz", "Mirosław", "Sławomir", "Zbigniew", "Przemysław"};
constexpr std::string_view kPlFemale[] = {"Małgorzata", "Agnieszka", "Katarzyna", "Żaneta", "Jolanta", "Ewa",
    "Magdalena", "Zofia", "Aleksandra", "Dorota", "Urszula", "Halina", "Bożena", "Grażyna"};
constexpr std::string_view kPlLast[] = {"Wójcik", "Nowak", "Kowalski", "Wiśniewski", "Kowalczyk", "Kamiński",
    "Lewandowski", "Zieliński", "Woźniak", "Dąbrowski", "Mazur", "Krawczyk", "Zając", "Król", "Wieczorek",
    "Sikora", "Błaszczyk", "Kaczmarek", "Pietrzak", "Adamczyk", "Dudek", "Wróbel", "Stępień", "Bąk",
    "Jabłoński", "Górecki"};
constexpr std::string_view kPlLastFemale[] = {"Wójcik", "Nowak", "Kowalska", "Wiśniewska", "Kowalczyk",
    "Kamińska", "Lewandowska", "Zielińska", "Woźniak", "Dąbrowska", "Mazur", "Krawczyk", "Zając", "Król",
    "Wieczorek", "Sikora", "Błaszczyk", "Kaczmarek", "Pietrzak", "Adamczyk", "Dudek", "Wróbel", "Stępień", "Bąk",
    "Jabłońska", "Górecka"};
constexpr City kPlCities[] = {{"Warszawa", "0~-###", "22", ""}, {"Kraków", "3~-###", "12", ""},
    {"Wrocław", "5~-###", "71", ""}, {"Gdańsk", "80-###", "58", ""}, {"Poznań", "6~-###", "61", ""},
    {"Łódź", "9~-###", "42", ""}};
constexpr std::string_view kPlStreets[] = {"ul. Marszałkowska %", "ul. Floriańska %", "ul. Długa %",
    "al. Jerozolimskie %", "ul. Piotrkowska %", "ul. Świętojańska %"};
constexpr std::string_view kPlStems[] = {"Wisła", "Bałtyk", "Tatra", "Mazovia", "Orlik", "Jantar", "Podhale"};
constexpr std::string_view kPlSectors[] = {"Logistyka", "Software", "Energia", "Budownictwo", "Meble",
    "Consulting"};
constexpr std::string_view kPlFormats[] = {"{stem} {sector} sp. z o.o.", "{stem} {sector} S.A."};
constexpr std::string_view kPlTlds[] = {"pl", "com.pl", "com", "eu"};
constexpr std::string_view kPlMail[] = {"wp.pl", "onet.pl", "gmail.com", "interia.pl", "o2.pl"};
constexpr std::string_view kPlTitles[] = {"Kierownik ds. zakupów|Kierowniczka ds. zakupów",
    "Dyrektor handlowy|Dyrektorka handlowa", "Prezes zarządu", "Specjalista ds. marketingu|Specjalistka ds. marketingu",
    "Kierownik projektu|Kierowniczka projektu"};
constexpr std::string_view kPlNotes[] = {"Woli kontakt mailowy.", "Spotkanie na targach w Poznaniu."};

constexpr std::string_view kTrMale[] = {"Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim",
    "Murat", "Ömer", "Emre", "Burak", "Çağrı", "Oğuz", "Serkan", "Uğur", "Yiğit"};
constexpr std::string_view kTrFemale[] = {"Gülsüm", "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Şeyma",
    "Özlem", "Büşra", "Derya", "İpek", "Gökçe", "Nilüfer", "Tuğba", "Yasemin"};
constexpr std::string_view kTrLast[] = {"Şahin", "Yılmaz", "Kaya", "Demir", "Çelik", "Yıldız", "Yıldırım",
    "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
    "Şimşek", "Polat", "Erdoğan", "Güneş", "Aksoy", "Uçar", "Tekin", "Bulut"};
constexpr City kTrCities[] = {{"İstanbul", "34###", "212", ""}, {"Ankara", "06###", "312", ""},
    {"İzmir", "35###", "232", ""}, {"Bursa", "16###", "224", ""}, {"Antalya", "07###", "242", ""}};
constexpr std::string_view kTrStreets[] = {"İstiklal Caddesi No: %", "Bağdat Caddesi No: %",
    "Atatürk Bulvarı No: %", "Kordon Boyu No: %", "Cumhuriyet Caddesi No: %"};
constexpr std::string_view kTrStems[] = {"Anadolu", "Boğaziçi", "Ege", "Marmara", "Toros", "Kapadokya", "Yıldız",
    "Karadeniz"};
constexpr std::string_view kTrSectors[] = {"Lojistik", "Yazılım", "Enerji", "Tekstil", "İnşaat", "Gıda",
    "Danışmanlık"};
constexpr std::string_view kTrFormats[] = {"{stem} {sector} A.Ş.", "{stem} {sector} Ltd. Şti."};
constexpr std::string_view kTrTlds[] = {"com.tr", "com.tr", "com"};
constexpr std::string_view kTrMail[] = {"gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com"};
constexpr std::string_view kTrTitles[] = {"Satın Alma Müdürü", "Genel Müdür", "Satış Müdürü",
    "Pazarlama Uzmanı", "Bilgi İşlem Müdürü"};
constexpr std::string_view kTrNotes[] = {"Öğleden sonra aranmayı tercih ediyor.", "Fuarda tanıştık."};

constexpr std::string_view kGrMale[] = {"Γιώργος|Giorgos", "Δημήτρης|Dimitris", "Νίκος|Nikos", "Κώστας|Kostas",
    "Γιάννης|Giannis", "Παναγιώτης|Panagiotis", "Βασίλης|Vasilis", "Χρήστος|Christos", "Αθανάσιος|Athanasios",
    "Σπύρος|Spyros", "Στέλιος|Stelios", "Θοδωρής|Thodoris"};
constexpr std::string_view kGrFemale[] = {"Μαρία|Maria", "Ελένη|Eleni", "Αικατερίνη|Aikaterini", "Σοφία|Sofia",
    "Δέσποινα|Despoina", "Ιωάννα|Ioanna", "Χριστίνα|Christina", "Ευαγγελία|Evangelia",
    "Αναστασία|Anastasia", "Φωτεινή|Foteini", "Ζωή|Zoi", "Ξανθή|Xanthi"};
constexpr std::string_view kGrLast[] = {"Παπαδόπουλος|Papadopoulos", "Παπαδάκης|Papadakis",
    "Γεωργίου|Georgiou", "Οικονόμου|Oikonomou", "Νικολάου|Nikolaou", "Βασιλείου|Vasileiou",
    "Κωνσταντίνου|Konstantinou", "Αντωνίου|Antoniou", "Ιωάννου|Ioannou", "Μακρής|Makris",
    "Καραγιάννης|Karagiannis", "Αλεξίου|Alexiou", "Δημητρίου|Dimitriou", "Ζαχαρίου|Zachariou",
    "Θεοδωρόπουλος|Theodoropoulos", "Χατζηδάκης|Chatzidakis", "Σταματόπουλος|Stamatopoulos",
    "Λαμπράκης|Lamprakis"};
constexpr std::string_view kGrLastFemale[] = {"Παπαδοπούλου|Papadopoulou", "Παπαδάκη|Papadaki",
    "Γεωργίου|Georgiou", "Οικονόμου|Oikonomou", "Νικολάου|Nikolaou", "Βασιλείου|Vasileiou",
    "Κωνσταντίνου|Konstantinou", "Αντωνίου|Antoniou", "Ιωάννου|Ioannou", "Μακρή|Makri",
    "Καραγιάννη|Karagianni", "Αλεξίου|Alexiou", "Δημητρίου|Dimitriou", "Ζαχαρίου|Zachariou",
    "Θεοδωροπούλου|Theodoropoulou", "Χατζηδάκη|Chatzidaki", "Σταματοπούλου|Stamatopoulou",
    "Λαμπράκη|Lampraki"};
constexpr City kGrCities[] = {{"Αθήνα", "1~# ##", "210", ""}, {"Θεσσαλονίκη", "5~# ##", "2310", ""},
    {"Πάτρα", "26# ##", "2610", ""}, {"Ηράκλειο", "71# ##", "2810", ""}, {"Λάρισα", "41# ##", "2410", ""}};
constexpr std::string_view kGrStreets[] = {"Ερμού %", "Λεωφόρος Βασιλίσσης Σοφίας %", "Τσιμισκή %",
    "Πανεπιστημίου %", "Λεωφόρος Συγγρού %"};
constexpr std::string_view kGrStems[] = {"Αιγαίο|Aigaio", "Όλυμπος|Olympos", "Ερμής|Ermis", "Αθηνά|Athina",
    "Ήλιος|Ilios", "Κρήτη|Kriti"};
constexpr std::string_view kGrSectors[] = {"Τεχνολογίες|Technologies", "Εμπόριο|Trade", "Ναυτιλία|Shipping",
    "Ενέργεια|Energy", "Τρόφιμα|Foods"};
constexpr std::string_view kGrFormats[] = {"{stem} {sector} Α.Ε.", "{stem} {sector} Ε.Π.Ε."};
constexpr std::string_view kGrTlds[] = {"gr", "gr", "com", "com.gr"};
constexpr std::string_view kGrMail[] = {"gmail.com", "yahoo.gr", "hotmail.com", "otenet.gr"};
constexpr std::string_view kGrTitles[] = {"Διευθυντής Πωλήσεων|Διευθύντρια Πωλήσεων",
    "Υπεύθυνος Προμηθειών|Υπεύθυνη Προμηθειών", "Γενικός Διευθυντής|Γενική Διευθύντρια", "Μηχανικός Λογισμικού"};
constexpr std::string_view kGrNotes[] = {"Προτιμά επικοινωνία μέσω email.", "Ζήτησε προσφορά για 20 άδειες."};

constexpr Locale kLocales[] = {
    {.country = "Spain", .weight = 5, .maleFirst = kEsMale, .femaleFirst = kEsFemale, .lastNames = kEsLast,
     .doubleSurnamePercent = 50, .cities = kEsCities, .streets = kEsStreets, .landline = "+34 {area} ### ## ##",
     .mobile = "+34 6## ### ###", .companyStems = kEsStems, .companySectors = kEsSectors,
     .companyFormats = kEsFormats, .tlds = kEsTlds, .personalDomains = kEsMail, .titles = kEsTitles,
     .notes = kEsNotes},
    {.country = "Portugal", .weight = 2, .maleFirst = kPtMale, .femaleFirst = kPtFemale, .lastNames = kPtLast,
     .doubleSurnamePercent = 40, .cities = kPtCities, .streets = kPtStreets, .landline = "+351 {area} ### ####",
     .mobile = "+351 9~# ### ###", .companyStems = kPtStems, .companySectors = kPtSectors,
     .companyFormats = kPtFormats, .tlds = kPtTlds, .personalDomains = kPtMail, .titles = kPtTitles,
     .notes = kPtNotes},
    {.country = "Brazil", .weight = 4, .maleFirst = kBrMale, .femaleFirst = kBrFemale, .lastNames = kBrLast,
     .doubleSurnamePercent = 30, .cities = kBrCities, .streets = kBrStreets, .landline = "+55 {area} ~###-####",
     .mobile = "+55 {area} 9####-####", .companyStems = kBrStems, .companySectors = kBrSectors,
     .companyFormats = kBrFormats, .tlds = kBrTlds, .personalDomains = kBrMail, .titles = kBrTitles,
     .notes = kBrNotes},
    {.country = "Poland", .weight = 3, .maleFirst = kPlMale, .femaleFirst = kPlFemale, .lastNames = kPlLast,
     .femaleLastNames = kPlLastFemale, .cities = kPlCities, .streets = kPlStreets,
     .landline = "+48 {area} ~## ## ##", .mobile = "+48 5## ### ###", .companyStems = kPlStems,
     .companySectors = kPlSectors, .companyFormats = kPlFormats, .tlds = kPlTlds, .personalDomains = kPlMail,
     .titles = kPlTitles, .notes = kPlNotes},
    {.country = "Turkey", .weight = 3, .maleFirst = kTrMale, .femaleFirst = kTrFemale, .lastNames = kTrLast,
     .cities = kTrCities, .streets = kTrStreets, .landline = "+90 {area} ~## ## ##",
     .mobile = "+90 5## ### ## ##", .companyStems = kTrStems, .companySectors = kTrSectors,
     .companyFormats = kTrFormats, .tlds = kTrTlds, .personalDomains = kTrMail, .titles = kTrTitles,
     .notes = kTrNotes},
    {.country = "Greece", .weight = 2, .maleFirst = kGrMale, .femaleFirst = kGrFemale, .lastNames = kGrLast,
     .femaleLastNames = kGrLastFemale, .cities = kGrCities, .streets = kGrStreets,
     .landline = "+30 {area} ~#####", .mobile = "+30 69# ### ####", .companyStems = kGrStems,
     .companySectors = kGrSectors, .companyFormats = kGrFormats, .tlds = kGrTlds, .personalDomains = kGrMail,
     .titles = kGrTitles, .notes = kGrNotes},
};

} // namespace

std::span<const Locale> southernLocales() { return kLocales; }

} // namespace rapport::demo
