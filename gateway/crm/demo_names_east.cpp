// Demo tables: Russia, Japan, China, South Korea, Saudi Arabia, United Arab Emirates, India, Israel.
// Non-Latin entries carry a romanisation after '|' for e-mail addresses and domains.

#include "crm/demo_names.h"

namespace rapport::demo {
namespace {

constexpr std::string_view kRuMale[] = {"Иван|Ivan", "Алексей|Aleksey", "Дмитрий|Dmitry", "Сергей|Sergey",
    "Андрей|Andrey", "Михаил|Mikhail", "Николай|Nikolay", "Владимир|Vladimir", "Павел|Pavel", "Артём|Artyom",
    "Юрий|Yury", "Егор|Yegor", "Фёдор|Fyodor", "Глеб|Gleb"};
constexpr std::string_view kRuFemale[] = {"Анна|Anna", "Мария|Maria", "Елена|Elena", "Ольга|Olga",
    "Наталья|Natalya", "Татьяна|Tatyana", "Екатерина|Ekaterina", "Светлана|Svetlana", "Юлия|Yulia",
    "Ксения|Ksenia", "Дарья|Darya", "Людмила|Lyudmila", "Жанна|Zhanna", "Варвара|Varvara"};
constexpr std::string_view kRuLast[] = {"Петров|Petrov", "Иванов|Ivanov", "Смирнов|Smirnov",
    "Кузнецов|Kuznetsov", "Соколов|Sokolov", "Попов|Popov", "Лебедев|Lebedev", "Козлов|Kozlov",
    "Новиков|Novikov", "Морозов|Morozov", "Волков|Volkov", "Соловьёв|Solovyov", "Васильев|Vasilyev",
    "Зайцев|Zaitsev", "Семёнов|Semyonov", "Голубев|Golubev", "Виноградов|Vinogradov", "Богданов|Bogdanov",
    "Фёдоров|Fyodorov", "Орлов|Orlov", "Жуков|Zhukov", "Щербаков|Shcherbakov", "Ильин|Ilyin",
    "Тарасов|Tarasov"};
constexpr std::string_view kRuLastFemale[] = {"Петрова|Petrova", "Иванова|Ivanova", "Смирнова|Smirnova",
    "Кузнецова|Kuznetsova", "Соколова|Sokolova", "Попова|Popova", "Лебедева|Lebedeva", "Козлова|Kozlova",
    "Новикова|Novikova", "Морозова|Morozova", "Волкова|Volkova", "Соловьёва|Solovyova", "Васильева|Vasilyeva",
    "Зайцева|Zaitseva", "Семёнова|Semyonova", "Голубева|Golubeva", "Виноградова|Vinogradova",
    "Богданова|Bogdanova", "Фёдорова|Fyodorova", "Орлова|Orlova", "Жукова|Zhukova", "Щербакова|Shcherbakova",
    "Ильина|Ilyina", "Тарасова|Tarasova"};
constexpr City kRuCities[] = {{"Москва", "1~####", "495", ""}, {"Санкт-Петербург", "19####", "812", ""},
    {"Новосибирск", "630###", "383", ""}, {"Екатеринбург", "620###", "343", ""}, {"Казань", "420###", "843", ""}};
constexpr std::string_view kRuStreets[] = {"ул. Тверская, д. %", "Невский проспект, д. %", "ул. Арбат, д. %",
    "ул. Ленина, д. %", "ул. Баумана, д. %"};
constexpr std::string_view kRuStems[] = {"Север|Sever", "Восток|Vostok", "Волга|Volga", "Сибирь|Sibir",
    "Урал|Ural", "Балтика|Baltika"};
constexpr std::string_view kRuSectors[] = {"Технологии|Tech", "Логистик|Logistic", "Энерго|Energo", "Софт|Soft",
    "Строй|Stroy", "Трейд|Trade"};
constexpr std::string_view kRuFormats[] = {"ООО «{stem}{sector}»", "АО «{stem} {sector}»"};
constexpr std::string_view kRuTlds[] = {"ru", "ru", "com", "su"};
constexpr std::string_view kRuMail[] = {"mail.ru", "yandex.ru", "gmail.com", "rambler.ru", "bk.ru"};
constexpr std::string_view kRuTitles[] = {"Менеджер по закупкам", "Генеральный директор",
    "Руководитель отдела продаж", "Главный инженер", "Финансовый директор"};
constexpr std::string_view kRuNotes[] = {"Просит звонить после 14:00 по Москве.", "Интересуется интеграцией с 1С."};

constexpr std::string_view kJpMale[] = {"太郎|Taro", "翔太|Shota", "健一|Kenichi", "大輔|Daisuke", "拓也|Takuya",
    "誠|Makoto", "浩|Hiroshi", "蓮|Ren", "悠斗|Yuto", "陽翔|Haruto", "直樹|Naoki", "亮|Ryo"};
constexpr std::string_view kJpFemale[] = {"花子|Hanako", "美咲|Misaki", "陽子|Yoko", "さくら|Sakura", "由美|Yumi",
    "愛|Ai", "結衣|Yui", "真由美|Mayumi", "恵|Megumi", "明美|Akemi", "葵|Aoi", "凛|Rin"};
constexpr std::string_view kJpLast[] = {"山田|Yamada", "佐藤|Sato", "鈴木|Suzuki", "高橋|Takahashi",
    "田中|Tanaka", "伊藤|Ito", "渡辺|Watanabe", "中村|Nakamura", "小林|Kobayashi", "加藤|Kato", "吉田|Yoshida",
    "山本|Yamamoto", "松本|Matsumoto", "井上|Inoue", "木村|Kimura", "林|Hayashi", "斎藤|Saito", "清水|Shimizu",
    "森|Mori", "池田|Ikeda", "橋本|Hashimoto", "石川|Ishikawa", "前田|Maeda", "藤田|Fujita", "岡田|Okada",
    "後藤|Goto"};
constexpr City kJpCities[] = {{"東京", "1~#-####", "3", "東京都"}, {"大阪", "5~#-####", "6", "大阪府"},
    {"横浜", "2~#-####", "45", "神奈川県"}, {"名古屋", "45#-####", "52", "愛知県"},
    {"福岡", "81#-####", "92", "福岡県"}, {"札幌", "06#-####", "11", "北海道"}, {"京都", "60#-####", "75", "京都府"}};
constexpr std::string_view kJpStreets[] = {"丸の内~-~-~", "銀座~-~-~", "梅田~-~-~", "栄~-~-~", "天神~-~-~",
    "大通西~-~"};
constexpr std::string_view kJpStems[] = {"富士|Fuji", "桜|Sakura", "日本|Nihon", "東洋|Toyo", "大和|Yamato",
    "光|Hikari", "三和|Sanwa", "青葉|Aoba"};
constexpr std::string_view kJpSectors[] = {"工業|Kogyo", "商事|Shoji", "電機|Denki", "物流|Butsuryu",
    "製薬|Seiyaku", "ソフト|Soft", "建設|Kensetsu"};
constexpr std::string_view kJpFormats[] = {"{stem}{sector}株式会社", "株式会社{stem}{sector}"};
constexpr std::string_view kJpTlds[] = {"co.jp", "co.jp", "jp", "com"};
constexpr std::string_view kJpMail[] = {"gmail.com", "yahoo.co.jp", "docomo.ne.jp", "icloud.com", "outlook.jp"};
constexpr std::string_view kJpTitles[] = {"営業部長", "購買課長", "代表取締役", "システムエンジニア",
    "マーケティング担当"};
constexpr std::string_view kJpNotes[] = {"午前中の連絡を希望。", "展示会で名刺交換。"};

constexpr std::string_view kCnMale[] = {"伟|Wei", "强|Qiang", "磊|Lei", "军|Jun", "洋|Yang", "勇|Yong", "杰|Jie",
    "涛|Tao", "明|Ming", "超|Chao", "浩然|Haoran", "子轩|Zixuan", "建国|Jianguo", "志强|Zhiqiang"};
constexpr std::string_view kCnFemale[] = {"芳|Fang", "娜|Na", "敏|Min", "静|Jing", "丽|Li", "艳|Yan",
    "秀英|Xiuying", "婷|Ting", "雪|Xue", "慧|Hui", "欣怡|Xinyi", "梓涵|Zihan", "晓燕|Xiaoyan", "玉兰|Yulan"};
constexpr std::string_view kCnLast[] = {"王|Wang", "李|Li", "张|Zhang", "刘|Liu", "陈|Chen", "杨|Yang",
    "黄|Huang", "赵|Zhao", "吴|Wu", "周|Zhou", "徐|Xu", "孙|Sun", "马|Ma", "朱|Zhu", "胡|Hu", "郭|Guo", "何|He",
    "高|Gao", "林|Lin", "罗|Luo", "郑|Zheng", "梁|Liang", "谢|Xie", "宋|Song", "唐|Tang", "韩|Han", "冯|Feng",
    "邓|Deng", "曹|Cao", "欧阳|Ouyang"};
constexpr City kCnCities[] = {{"北京", "100###", "10", ""}, {"上海", "200###", "21", ""}, {"深圳", "518###", "755", ""},
    {"广州", "510###", "20", ""}, {"杭州", "310###", "571", ""}, {"成都", "610###", "28", ""}};
constexpr std::string_view kCnStreets[] = {"长安街%号", "南京路%号", "深南大道%号", "天河路%号", "西湖大道%号"};
constexpr std::string_view kCnStems[] = {"华信|Huaxin", "东方|Dongfang", "长城|Changcheng", "中科|Zhongke",
    "天成|Tiancheng", "金桥|Jinqiao", "星海|Xinghai"};
constexpr std::string_view kCnSectors[] = {"科技|Tech", "物流|Logistics", "电子|Electronics", "贸易|Trading",
    "软件|Software", "能源|Energy"};
constexpr std::string_view kCnFormats[] = {"{stem}{sector}有限公司", "{stem}{sector}股份有限公司"};
constexpr std::string_view kCnTlds[] = {"cn", "com.cn", "com"};
constexpr std::string_view kCnMail[] = {"qq.com", "163.com", "126.com", "gmail.com", "sina.com"};
constexpr std::string_view kCnTitles[] = {"采购经理", "销售总监", "总经理", "技术总监", "市场专员"};
constexpr std::string_view kCnNotes[] = {"周三下午方便通话。", "对年度合同感兴趣。"};

constexpr std::string_view kKrMale[] = {"민준|Minjun", "서준|Seojun", "도윤|Doyun", "예준|Yejun", "시우|Siwoo",
    "지호|Jiho", "현우|Hyunwoo", "성민|Sungmin", "재원|Jaewon", "동현|Donghyun"};
constexpr std::string_view kKrFemale[] = {"서연|Seoyeon", "지우|Jiwoo", "하윤|Hayun", "민서|Minseo", "수빈|Subin",
    "지민|Jimin", "예은|Yeeun", "은지|Eunji", "혜진|Hyejin", "유나|Yuna"};
constexpr std::string_view kKrLast[] = {"김|Kim", "이|Lee", "박|Park", "최|Choi", "정|Jung", "강|Kang", "조|Cho",
    "윤|Yoon", "장|Jang", "임|Lim", "한|Han", "오|Oh", "서|Seo", "신|Shin", "권|Kwon", "황|Hwang", "안|Ahn",
    "송|Song", "류|Ryu", "홍|Hong"};
constexpr City kKrCities[] = {{"서울", "0~###", "2", ""}, {"부산", "4~###", "51", ""}, {"인천", "2~###", "32", ""},
    {"대구", "4~###", "53", ""}, {"대전", "3~###", "42", ""}};
constexpr std::string_view kKrStreets[] = {"세종대로 %", "테헤란로 %", "강남대로 %", "해운대로 %", "중앙대로 %"};
constexpr std::string_view kKrStems[] = {"한빛|Hanbit", "미래|Mirae", "대한|Daehan", "새벽|Saebyeok",
    "푸른|Pureun", "하늘|Haneul"};
constexpr std::string_view kKrSectors[] = {"테크|Tech", "물산|Trading", "전자|Electronics", "소프트|Soft",
    "바이오|Bio", "로지스|Logis"};
constexpr std::string_view kKrFormats[] = {"(주){stem}{sector}", "{stem}{sector} 주식회사"};
constexpr std::string_view kKrTlds[] = {"co.kr", "co.kr", "kr", "com"};
constexpr std::string_view kKrMail[] = {"naver.com", "daum.net", "gmail.com", "kakao.com", "hanmail.net"};
constexpr std::string_view kKrTitles[] = {"영업팀장", "구매 담당자", "대표이사", "개발팀장", "마케팅 매니저"};
constexpr std::string_view kKrNotes[] = {"오전 미팅 선호.", "견적서 요청함 📄"};

constexpr std::string_view kArMale[] = {"محمد|Mohammed", "أحمد|Ahmed", "عبدالله|Abdullah", "خالد|Khalid",
    "عمر|Omar", "يوسف|Yousef", "فيصل|Faisal", "سلطان|Sultan", "ناصر|Nasser", "طارق|Tariq", "حسن|Hassan",
    "إبراهيم|Ibrahim"};
constexpr std::string_view kArFemale[] = {"فاطمة|Fatima", "نورة|Noura", "سارة|Sara", "مريم|Maryam", "ريم|Reem",
    "لينا|Lina", "هند|Hind", "عائشة|Aisha", "دانة|Dana", "ليلى|Layla", "جميلة|Jamila", "هيفاء|Haifa"};
constexpr std::string_view kArLast[] = {"العلي|Al-Ali", "الأحمد|Al-Ahmad", "القحطاني|Al-Qahtani",
    "الحربي|Al-Harbi", "العتيبي|Al-Otaibi", "الشمري|Al-Shammari", "الدوسري|Al-Dosari", "الزهراني|Al-Zahrani",
    "الغامدي|Al-Ghamdi", "المطيري|Al-Mutairi", "السبيعي|Al-Subaie", "الحمدان|Al-Hamdan", "المنصور|Al-Mansour",
    "الهاشمي|Al-Hashimi", "النجار|Al-Najjar", "حداد|Haddad", "خوري|Khoury"};
constexpr City kSaCities[] = {{"الرياض", "1~###", "11", ""}, {"جدة", "2~###", "12", ""},
    {"الدمام", "3~###", "13", ""}};
constexpr std::string_view kSaStreets[] = {"طريق الملك فهد %", "شارع التحلية %", "طريق الملك عبدالعزيز %",
    "شارع العليا %"};
constexpr City kAeCities[] = {{"دبي", "", "4", ""}, {"أبوظبي", "", "2", ""}, {"الشارقة", "", "6", ""}};
constexpr std::string_view kAeStreets[] = {"شارع الشيخ زايد %", "شارع الخليج %", "شارع الكورنيش %"};
constexpr std::string_view kArStems[] = {"الخليج|Gulf", "النخبة|Nukhba", "الصحراء|Sahara", "الرؤية|Ruya",
    "الأفق|Ufuq", "الواحة|Waha"};
constexpr std::string_view kArSectors[] = {"للتقنية|Tech", "للتجارة|Trading", "للطاقة|Energy",
    "للخدمات اللوجستية|Logistics", "للاستشارات|Consulting"};
constexpr std::string_view kArFormats[] = {"شركة {stem} {sector}"};
constexpr std::string_view kSaTlds[] = {"sa", "com.sa", "com"};
constexpr std::string_view kAeTlds[] = {"ae", "com"};
constexpr std::string_view kSaMail[] = {"gmail.com", "hotmail.com", "outlook.sa", "yahoo.com"};
constexpr std::string_view kAeMail[] = {"gmail.com", "hotmail.com", "emirates.net.ae"};
constexpr std::string_view kArTitles[] = {"مدير المبيعات|مديرة المبيعات", "مدير المشتريات|مديرة المشتريات",
    "الرئيس التنفيذي|الرئيسة التنفيذية", "مهندس برمجيات|مهندسة برمجيات", "مسؤول التسويق|مسؤولة التسويق"};
constexpr std::string_view kArNotes[] = {"يفضل التواصل عبر البريد الإلكتروني.", "اجتماع المتابعة بعد العيد."};

constexpr std::string_view kInMale[] = {"राहुल|Rahul", "अमित|Amit", "विकास|Vikas", "अर्जुन|Arjun", "रोहित|Rohit",
    "संजय|Sanjay", "आदित्य|Aditya", "करण|Karan", "विवेक|Vivek", "सुरेश|Suresh", "अनिल|Anil", "नितिन|Nitin"};
constexpr std::string_view kInFemale[] = {"प्रिया|Priya", "अनन्या|Ananya", "पूजा|Pooja", "नेहा|Neha",
    "दीपिका|Deepika", "कविता|Kavita", "स्नेहा|Sneha", "आरती|Aarti", "मीरा|Meera", "रिया|Riya", "श्वेता|Shweta",
    "सुनीता|Sunita"};
constexpr std::string_view kInLast[] = {"शर्मा|Sharma", "वर्मा|Verma", "गुप्ता|Gupta", "पटेल|Patel", "सिंह|Singh",
    "कुमार|Kumar", "मेहता|Mehta", "अग्रवाल|Agarwal", "जोशी|Joshi", "रेड्डी|Reddy", "नायर|Nair", "अय्यर|Iyer",
    "चौधरी|Chaudhary", "कपूर|Kapoor", "मल्होत्रा|Malhotra", "बनर्जी|Banerjee", "देसाई|Desai", "भट्ट|Bhatt"};
constexpr City kInCities[] = {{"Mumbai", "400###", "22", "Maharashtra"}, {"Bengaluru", "560###", "80", "Karnataka"},
    {"New Delhi", "110###", "11", "Delhi"}, {"Pune", "411###", "20", "Maharashtra"},
    {"Hyderabad", "500###", "40", "Telangana"}, {"Chennai", "600###", "44", "Tamil Nadu"}};
constexpr std::string_view kInStreets[] = {"% MG Road", "% Linking Road", "% Residency Road", "% Connaught Place",
    "% Anna Salai", "% Park Street"};
constexpr std::string_view kInStems[] = {"Infinity", "Lotus", "Sahyadri", "Ganga", "Indus", "Nilgiri", "Saffron",
    "Vedanta"};
constexpr std::string_view kInSectors[] = {"Infotech", "Solutions", "Logistics", "Pharma", "Textiles", "Systems",
    "Consulting"};
constexpr std::string_view kInFormats[] = {"{stem} {sector} Pvt Ltd", "{stem} {sector} Limited"};
constexpr std::string_view kInTlds[] = {"in", "co.in", "com"};
constexpr std::string_view kInMail[] = {"gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com"};

constexpr std::string_view kIlMale[] = {"דוד|David", "יוסף|Yosef", "משה|Moshe", "אברהם|Avraham", "יונתן|Yonatan",
    "איתי|Itai", "נועם|Noam", "אורי|Uri", "עומר|Omer", "אריאל|Ariel", "אלון|Alon", "גיל|Gil"};
constexpr std::string_view kIlFemale[] = {"שרה|Sarah", "רחל|Rachel", "נועה|Noa", "תמר|Tamar", "מיכל|Michal",
    "יעל|Yael", "שירה|Shira", "מאיה|Maya", "רוני|Roni", "הילה|Hila", "ליאת|Liat", "אביגיל|Avigail"};
constexpr std::string_view kIlLast[] = {"כהן|Cohen", "לוי|Levi", "מזרחי|Mizrahi", "פרץ|Peretz", "ביטון|Biton",
    "דהן|Dahan", "פרידמן|Friedman", "אזולאי|Azoulay", "מלכה|Malka", "גולדברג|Goldberg", "שפירא|Shapira",
    "כץ|Katz", "רוזן|Rosen", "אשכנזי|Ashkenazi", "בן דוד|Ben David"};
constexpr City kIlCities[] = {{"תל אביב-יפו", "6######", "3", ""}, {"ירושלים", "9######", "2", ""},
    {"חיפה", "3######", "4", ""}, {"באר שבע", "8######", "8", ""}};
constexpr std::string_view kIlStreets[] = {"רחוב דיזנגוף %", "שדרות רוטשילד %", "רחוב יפו %", "רחוב הרצל %",
    "דרך בגין %"};
constexpr std::string_view kIlStems[] = {"אופק|Ofek", "גלים|Galim", "כרמל|Carmel", "נגב|Negev", "ארז|Erez"};
constexpr std::string_view kIlSectors[] = {"טכנולוגיות|Technologies", "מערכות|Systems", "סחר|Trade",
    "תוכנה|Software"};
constexpr std::string_view kIlFormats[] = {"{stem} {sector} בע״מ"};
constexpr std::string_view kIlTlds[] = {"co.il", "co.il", "com", "il"};
constexpr std::string_view kIlMail[] = {"gmail.com", "walla.co.il", "hotmail.com", "012.net.il"};
constexpr std::string_view kIlTitles[] = {"מנהל מכירות|מנהלת מכירות", "מנהל רכש|מנהלת רכש", "מנכ״ל|מנכ״לית",
    "מהנדס תוכנה|מהנדסת תוכנה"};
constexpr std::string_view kIlNotes[] = {"מעדיף שיחה בבוקר.", "ביקש הצעת מחיר מעודכנת."};

constexpr Locale kLocales[] = {
    {.country = "Russia", .weight = 3, .maleFirst = kRuMale, .femaleFirst = kRuFemale, .lastNames = kRuLast,
     .femaleLastNames = kRuLastFemale, .cities = kRuCities, .streets = kRuStreets,
     .landline = "+7 {area} ~##-##-##", .mobile = "+7 9## ###-##-##", .companyStems = kRuStems,
     .companySectors = kRuSectors, .companyFormats = kRuFormats, .tlds = kRuTlds, .personalDomains = kRuMail,
     .titles = kRuTitles, .notes = kRuNotes},
    {.country = "Japan", .weight = 4, .maleFirst = kJpMale, .femaleFirst = kJpFemale, .lastNames = kJpLast,
     .familyNameFirst = true, .cities = kJpCities, .streets = kJpStreets, .landline = "+81 {area}-~###-####",
     .mobile = "+81 90-####-####", .companyStems = kJpStems, .companySectors = kJpSectors,
     .companyFormats = kJpFormats, .tlds = kJpTlds, .personalDomains = kJpMail, .titles = kJpTitles,
     .notes = kJpNotes},
    {.country = "China", .weight = 4, .maleFirst = kCnMale, .femaleFirst = kCnFemale, .lastNames = kCnLast,
     .familyNameFirst = true, .nameSeparator = "", .cities = kCnCities, .streets = kCnStreets,
     .landline = "+86 {area} ~### ####", .mobile = "+86 13# #### ####", .companyStems = kCnStems,
     .companySectors = kCnSectors, .companyFormats = kCnFormats, .tlds = kCnTlds, .personalDomains = kCnMail,
     .titles = kCnTitles, .notes = kCnNotes},
    {.country = "South Korea", .weight = 3, .maleFirst = kKrMale, .femaleFirst = kKrFemale, .lastNames = kKrLast,
     .familyNameFirst = true, .nameSeparator = "", .cities = kKrCities, .streets = kKrStreets,
     .landline = "+82 {area}-~###-####", .mobile = "+82 10-####-####", .companyStems = kKrStems,
     .companySectors = kKrSectors, .companyFormats = kKrFormats, .tlds = kKrTlds, .personalDomains = kKrMail,
     .titles = kKrTitles, .notes = kKrNotes},
    {.country = "Saudi Arabia", .weight = 2, .maleFirst = kArMale, .femaleFirst = kArFemale,
     .lastNames = kArLast, .cities = kSaCities, .streets = kSaStreets, .landline = "+966 {area} ~## ####",
     .mobile = "+966 5~ ### ####", .companyStems = kArStems, .companySectors = kArSectors,
     .companyFormats = kArFormats, .tlds = kSaTlds, .personalDomains = kSaMail, .titles = kArTitles,
     .notes = kArNotes},
    {.country = "United Arab Emirates", .weight = 1, .maleFirst = kArMale, .femaleFirst = kArFemale,
     .lastNames = kArLast, .latinPercent = 20, .cities = kAeCities, .streets = kAeStreets,
     .landline = "+971 {area} ~## ####", .mobile = "+971 5~ ### ####", .companyStems = kArStems,
     .companySectors = kArSectors, .companyFormats = kArFormats, .tlds = kAeTlds, .personalDomains = kAeMail,
     .titles = kArTitles, .notes = kArNotes},
    {.country = "India", .weight = 4, .maleFirst = kInMale, .femaleFirst = kInFemale, .lastNames = kInLast,
     .latinPercent = 50, .cities = kInCities, .streets = kInStreets, .landline = "+91 {area} ~### ####",
     .mobile = "+91 9#### #####", .companyStems = kInStems, .companySectors = kInSectors,
     .companyFormats = kInFormats, .tlds = kInTlds, .personalDomains = kInMail},
    {.country = "Israel", .weight = 2, .maleFirst = kIlMale, .femaleFirst = kIlFemale, .lastNames = kIlLast,
     .cities = kIlCities, .streets = kIlStreets, .landline = "+972 {area}-~##-####", .mobile = "+972 5~-###-####",
     .companyStems = kIlStems, .companySectors = kIlSectors, .companyFormats = kIlFormats, .tlds = kIlTlds,
     .personalDomains = kIlMail, .titles = kIlTitles, .notes = kIlNotes},
};

} // namespace

std::span<const Locale> easternLocales() { return kLocales; }

} // namespace rapport::demo
