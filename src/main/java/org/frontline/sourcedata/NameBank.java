package org.frontline.sourcedata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names by culture. Each element lists its spellings, the most common first, and optionally its
 * original script after '='. Lists are in fixed order: the generator indexes them with its seeded
 * random numbers, so changing a list changes the generated world (bump the generator version).
 */
final class NameBank {

    /** One name element: its Latin spellings (first is canonical) and the original script, or null. */
    record Element(List<String> spellings, String original) {

        String canonical() {
            return spellings.get(0);
        }

        static Element parse(String spec) {
            int eq = spec.indexOf('=');
            String latin = eq < 0 ? spec : spec.substring(0, eq);
            return new Element(List.of(latin.split("\\|")), eq < 0 ? null : spec.substring(eq + 1));
        }

        Element map(java.util.function.UnaryOperator<String> f) {
            return new Element(spellings.stream().map(f).distinct().toList(), original);
        }
    }

    enum Culture {
        ARABIC(List.of("JOR", "SAU", "ARE", "EGY", "IRQ", "SYR", "LBN", "KWT", "QAT", "BHR", "OMN", "MAR", "DZA", "TUN", "YEM")),
        PERSIAN(List.of("IRN", "AFG")),
        TURKISH(List.of("TUR", "TUR", "AZE", "DEU")),
        SLAVIC(List.of("RUS", "RUS", "UKR", "BLR", "KAZ")),
        CHINESE(List.of("CHN", "CHN", "TWN", "HKG", "SGP", "MYS")),
        VIETNAMESE(List.of("VNM")),
        MALAY_INDONESIAN(List.of("IDN", "IDN", "MYS", "BRN", "SGP")),
        HISPANIC(List.of("ESP", "MEX", "COL", "ARG", "PER", "VEN", "CHL", "ECU")),
        LUSOPHONE(List.of("BRA", "BRA", "PRT", "AGO")),
        WEST_AFRICAN(List.of("NGA", "GHA", "SEN", "MLI", "CIV", "BFA", "GIN", "GMB")),
        GERMAN(List.of("DEU", "DEU", "AUT", "CHE")),
        FRENCH(List.of("FRA", "FRA", "BEL", "CHE", "LUX")),
        POLISH_CZECH(List.of("POL", "POL", "CZE")),
        NORDIC(List.of("DNK", "NOR", "SWE")),
        ITALIAN(List.of("ITA", "ITA", "CHE"));

        final List<String> nationalities;

        Culture(List<String> nationalities) {
            this.nationalities = nationalities;
        }
    }

    static final List<Element> ARABIC_MALE = parse(
            "Mohammed|Muhammad|Mohamed|Mohammad=محمد", "Ahmed|Ahmad=أحمد",
            "Abdel Rahman|Abdulrahman|Abd al-Rahman|Abdelrahman=عبد الرحمن", "Abdullah|Abdallah|Abdulla=عبد الله",
            "Khalid|Khaled=خالد", "Omar|Umar=عمر", "Ali=علي", "Hassan|Hasan=حسن", "Hussein|Husain|Hussain|Hussien=حسين",
            "Youssef|Yousef|Yusuf|Youssif=يوسف", "Ibrahim|Ebrahim=إبراهيم", "Saleh|Salih=صالح", "Mahmoud|Mahmud=محمود",
            "Mustafa|Moustafa|Mostafa=مصطفى", "Tariq|Tarek|Tareq=طارق", "Faisal|Faysal=فيصل", "Nasser|Nasir|Naser=ناصر",
            "Saeed|Said|Saied=سعيد", "Hamza|Hamzah=حمزة", "Waleed|Walid=وليد", "Abdel Aziz|Abdulaziz|Abd al-Aziz=عبد العزيز",
            "Jamal|Gamal=جمال", "Karim|Kareem=كريم", "Sami|Samy=سامي");
    static final List<Element> ARABIC_FEMALE = parse(
            "Fatima|Fatma|Fatimah=فاطمة", "Aisha|Aishah|Aicha=عائشة", "Mariam|Maryam|Miriam=مريم", "Noor|Nour|Nur=نور",
            "Layla|Leila|Laila=ليلى", "Huda|Houda=هدى", "Zainab|Zeinab|Zaynab=زينب", "Salma|Selma=سلمى", "Amal=أمل",
            "Rania|Ranya=رانيا", "Khadija|Khadijah|Khadidja=خديجة", "Yasmin|Yasmine|Jasmin=ياسمين");
    static final List<Element> ARABIC_FAMILY = parse(
            "Al-Rashid|Al Rasheed|Alrashid|El-Rashid=الراشد", "Al-Masri|El-Masry|Al Masri=المصري",
            "Al-Harbi|Alharbi|Al Harby=الحربي", "Al-Otaibi|Alotaibi|Al Otaibi=العتيبي",
            "Al-Qahtani|Alqahtani|Al Kahtani=القحطاني", "Haddad|Hadad=حداد", "Khoury|Khouri|Khuri=خوري",
            "Mansour|Mansur=منصور", "Hamdan=حمدان", "Al-Zahrani|Alzahrani|Al Zahrani=الزهراني",
            "Al-Shamsi|Alshamsi|Al Shamsi=الشامسي", "Abu Ghazaleh|Abu Ghazala|Abughazaleh=أبو غزالة",
            "Al-Tamimi|Altamimi|Al Tamimi=التميمي", "Darwish|Darweesh|Derwich=درويش", "Al-Dosari|Aldossary|Al Dosari=الدوسري",
            "Al-Hashimi|Al Hashemi|Alhashimi=الهاشمي", "Qasim|Kassem|Qassim=قاسم", "Al-Amin|El Amine|Alameen=الأمين");

    static final List<Element> PERSIAN_MALE = parse(
            "Mohammad Reza|Mohammadreza|Mohamad Reza|Muhammad Reza", "Alireza|Ali Reza|Ali-Reza", "Hossein|Hosein|Hussein",
            "Mehdi|Mahdi", "Reza", "Amir", "Farhad", "Dariush|Daryoush|Dariusch", "Hamid|Hamed", "Morteza|Mortaza");
    static final List<Element> PERSIAN_FEMALE = parse(
            "Fatemeh|Fatemah|Fatima", "Zahra|Zahrah", "Maryam|Mariam", "Shirin", "Parisa", "Narges", "Leila|Leyla");
    static final List<Element> PERSIAN_FAMILY = parse(
            "Hosseini|Hosseyni|Husseini", "Ahmadi", "Mohammadi|Mohamadi", "Rezaei|Rezaee|Rezai", "Karimi",
            "Jafari|Jafary|Ja'fari", "Moradi", "Rahimi", "Sadeghi|Sadeqi|Sadegi", "Ghasemi|Qasemi|Kasemi", "Tehrani",
            "Mousavi|Musavi|Moosavi", "Hashemi|Hashimi");

    static final List<Element> TURKISH_MALE = parse(
            "Mehmet|Mehmed", "Mustafa", "Ahmet|Ahmed", "Hüseyin|Huseyin|Hueseyin", "Emre", "Burak", "Murat",
            "Çağlar|Caglar", "Ömer|Omer|Oemer", "İbrahim|Ibrahim", "Yusuf");
    static final List<Element> TURKISH_FEMALE = parse(
            "Ayşe|Ayse|Aysche", "Fatma", "Zeynep|Zeinep", "Elif", "Emine", "Özlem|Ozlem|Oezlem", "Gülşen|Gulsen|Guelsen");
    static final List<Element> TURKISH_FAMILY = parse(
            "Yılmaz|Yilmaz", "Kaya", "Demir", "Şahin|Sahin|Schahin", "Çelik|Celik|Tschelik", "Öztürk|Ozturk|Oeztuerk",
            "Aydın|Aydin", "Arslan|Aslan", "Doğan|Dogan", "Kılıç|Kilic", "Yıldız|Yildiz", "Özdemir|Ozdemir|Oezdemir");

    /** Russian given names with their patronymics (masculine, feminine). */
    static final String[][] SLAVIC_MALE_CYR = {
            {"Юрий", "Юрьевич", "Юрьевна"}, {"Сергей", "Сергеевич", "Сергеевна"}, {"Алексей", "Алексеевич", "Алексеевна"},
            {"Дмитрий", "Дмитриевич", "Дмитриевна"}, {"Андрей", "Андреевич", "Андреевна"},
            {"Николай", "Николаевич", "Николаевна"}, {"Александр", "Александрович", "Александровна"},
            {"Михаил", "Михайлович", "Михайловна"}, {"Евгений", "Евгеньевич", "Евгеньевна"},
            {"Олег", "Олегович", "Олеговна"}, {"Григорий", "Григорьевич", "Григорьевна"}};
    static final String[] SLAVIC_FEMALE_CYR = {"Елена", "Ольга", "Наталья", "Татьяна", "Юлия", "Ксения", "Анастасия", "Евгения"};
    static final String[] SLAVIC_FAMILY_CYR = {"Щербаков", "Иванов", "Кузнецов", "Соколов", "Попов", "Жуков", "Шевченко",
            "Ковальчук", "Чернов", "Зайцев", "Яковлев", "Воробьёв", "Хрущёв", "Щукин", "Ершов"};

    static final List<Element> CHINESE_FAMILY = parse(
            "Zhang|Chang|Cheung=张", "Wang|Wong=王", "Li|Lee=李", "Liu|Lau|Lew=刘", "Chen|Chan|Tan=陈", "Yang|Yeung=杨",
            "Huang|Wong|Hwang=黄", "Zhao|Chao|Chiu=赵", "Zhou|Chou|Chow=周", "Wu|Ng|Woo=吴", "Xu|Hsu|Hui=徐", "Lin|Lam|Lim=林",
            "Zheng|Cheng|Teh=郑", "Guo|Kuo|Kwok=郭");
    static final List<Element> CHINESE_MALE = parse(
            "Wei=伟", "Xiaoming|Xiao Ming|Xiao-Ming|Hsiao-ming=小明", "Jianguo|Jian Guo|Chien-kuo=建国", "Hao=浩",
            "Zhiwei|Zhi Wei|Chih-wei=志伟", "Junjie|Jun Jie|Chun-chieh=俊杰", "Tao=涛", "Qiang|Chiang=强");
    static final List<Element> CHINESE_FEMALE = parse(
            "Fang=芳", "Lina|Li Na|Li-Na=丽娜", "Jing|Ching=静", "Yiting|Yi Ting|Yi-Ting=怡婷", "Meiling|Mei Ling|Mei-Ling=美玲",
            "Xiu Ying|Xiuying|Hsiu-ying=秀英", "Hui|Hwei=慧");

    static final List<Element> VIETNAMESE_FAMILY = parse(
            "Nguyễn|Nguyen|Nguyen Thi", "Trần|Tran", "Lê|Le", "Phạm|Pham", "Hoàng|Hoang|Huynh", "Phan", "Vũ|Vu|Vo",
            "Đặng|Dang", "Bùi|Bui", "Đỗ|Do");
    static final List<Element> VIETNAMESE_MIDDLE_MALE = parse("Văn|Van", "Đức|Duc", "Minh", "Quốc|Quoc");
    static final List<Element> VIETNAMESE_MIDDLE_FEMALE = parse("Thị|Thi", "Ngọc|Ngoc", "Thanh");
    static final List<Element> VIETNAMESE_MALE = parse("Anh", "Hùng|Hung", "Dũng|Dung", "Tuấn|Tuan", "Quang", "Long", "Nam");
    static final List<Element> VIETNAMESE_FEMALE = parse("Linh", "Thảo|Thao", "Hương|Huong", "Lan", "Mai", "Trang", "Hà|Ha");

    static final List<Element> MALAY_MALE = parse(
            "Muhammad Hafiz|Mohd Hafiz|Mohamad Hafiz", "Ahmad Faizal|Ahmad Faisal", "Muhammad Amirul|Mohd Amirul",
            "Azlan", "Ismail|Ismael", "Razak|Abdul Razak", "Syafiq|Shafiq");
    static final List<Element> MALAY_FEMALE = parse(
            "Nur Aisyah|Nurul Aisyah|Nur Aishah", "Siti Nurhaliza|Siti Nur Haliza", "Farah", "Aminah|Aminah", "Zarina|Zareena");
    static final List<Element> MALAY_FATHER = parse(
            "Abdullah|Abdulla", "Ismail", "Hassan|Hasan", "Osman|Othman|Uthman", "Rahman|Abdul Rahman", "Yusof|Yusuf|Yussof");
    static final List<Element> INDONESIAN_MALE = parse(
            "Budi", "Agus", "Eko", "Rudi|Roedi", "Wahyu|Wahju", "Joko|Djoko", "Bambang", "Hendra");
    static final List<Element> INDONESIAN_FEMALE = parse("Dewi", "Siti", "Sri", "Putri", "Ayu", "Ratna", "Wulan");
    static final List<Element> INDONESIAN_FAMILY = parse(
            "Santoso|Santosa", "Wijaya|Widjaja|Wijaja", "Susanto|Soesanto", "Hidayat", "Setiawan|Setyawan", "Kurniawan",
            "Saputra|Syahputra", "Nugroho|Noegroho", "Purnomo", "Suharto|Soeharto", "Sukarno|Soekarno");

    static final List<Element> HISPANIC_MALE = parse(
            "José|Jose", "José Luis|Jose Luis", "Juan Carlos|Juan-Carlos", "Luis", "Carlos", "Jesús|Jesus", "Andrés|Andres",
            "Miguel Ángel|Miguel Angel", "Javier|Xavier", "Alejandro");
    static final List<Element> HISPANIC_FEMALE = parse(
            "María|Maria", "María José|Maria Jose", "Ana", "Lucía|Lucia", "Sofía|Sofia", "Camila", "Guadalupe", "Verónica|Veronica");
    static final List<Element> HISPANIC_FAMILY = parse(
            "García|Garcia", "Rodríguez|Rodriguez", "Martínez|Martinez", "Hernández|Hernandez", "López|Lopez",
            "González|Gonzalez", "Pérez|Perez", "Sánchez|Sanchez", "Ramírez|Ramirez", "Gómez|Gomez", "Fernández|Fernandez",
            "Muñoz|Munoz", "Márquez|Marquez", "Jiménez|Jimenez|Gimenez", "Vásquez|Vasquez|Vazquez", "Castillo");

    static final List<Element> LUSO_MALE = parse(
            "João|Joao", "José|Jose", "Antônio|António|Antonio", "Francisco", "Pedro", "Luiz|Luís|Luis", "Carlos Eduardo",
            "Thiago|Tiago");
    static final List<Element> LUSO_FEMALE = parse("Ana", "Maria", "Beatriz", "Gabriela", "Letícia|Leticia", "Conceição|Conceicao");
    static final List<Element> LUSO_FAMILY = parse(
            "Silva|da Silva", "Santos|dos Santos", "Oliveira|de Oliveira", "Souza|Sousa", "Pereira", "Costa", "Rodrigues",
            "Almeida", "Nascimento|do Nascimento", "Gonçalves|Goncalves", "Araújo|Araujo", "Magalhães|Magalhaes");

    static final List<Element> WEST_AFRICAN_MALE = parse(
            "Oluwaseun|Oluseun", "Emeka|Chukwuemeka", "Kwame", "Kofi", "Mamadou|Mamadu|Mamoudou", "Ousmane|Usman|Ousman",
            "Ibrahima|Ibrahim", "Abdoulaye|Abdoulahi|Abdullahi", "Moussa|Musa", "Babajide");
    static final List<Element> WEST_AFRICAN_FEMALE = parse(
            "Aminata|Aminatou", "Fatoumata|Fatumata|Fatoumatta", "Adaeze", "Ngozi", "Abena", "Aïssatou|Aissatou|Aysatu",
            "Mariama|Mariam", "Folake");
    static final List<Element> WEST_AFRICAN_FAMILY = parse(
            "Diallo|Jallow|Djalo", "Traoré|Traore", "Ouédraogo|Ouedraogo|Wedraogo", "Keïta|Keita", "Coulibaly|Kulibali",
            "Diop|Diope", "Ndiaye|N'Diaye|Ndiay", "Okafor", "Adeyemi|Adeyemy", "Mensah", "Owusu", "Bello", "Abubakar|Aboubakar");

    static final List<Element> GERMAN_MALE = parse(
            "Jürgen|Juergen|Jurgen", "Günter|Guenter|Gunter", "Klaus|Claus", "Stefan|Stephan", "Andreas", "Jörg|Joerg|Jorg",
            "Matthias|Mathias", "Thomas", "Lukas|Lucas");
    static final List<Element> GERMAN_FEMALE = parse(
            "Sabine", "Monika|Monica", "Ulrike", "Käthe|Kaethe|Kathe", "Jana", "Anna-Lena|Anna Lena", "Birgit");
    static final List<Element> GERMAN_FAMILY = parse(
            "Müller|Mueller|Muller", "Schröder|Schroeder|Schroder", "Weiß|Weiss", "Schäfer|Schaefer|Schafer",
            "Schmidt|Schmitt", "Meyer|Meier|Maier", "Hoffmann|Hofmann", "Köhler|Koehler|Kohler", "Groß|Gross",
            "Wagner", "Becker", "Krüger|Krueger|Kruger");

    static final List<Element> FRENCH_MALE = parse(
            "François|Francois", "Jérôme|Jerome", "Stéphane|Stephane", "Noël|Noel", "Gaël|Gael",
            "Jean-Pierre|Jean Pierre", "Frédéric|Frederic", "Thierry", "Benoît|Benoit");
    static final List<Element> FRENCH_FEMALE = parse(
            "Hélène|Helene", "Amélie|Amelie", "Zoë|Zoe", "Marie-Hélène|Marie Helene", "Océane|Oceane", "Céline|Celine",
            "Sophie");
    static final List<Element> FRENCH_FAMILY = parse(
            "Lefèvre|Lefevre|Lefebvre", "Bérenger|Berenger", "Dubois", "Moreau", "Girard", "Lemaître|Lemaitre",
            "Fournier", "Rousseau", "Gauthier|Gautier", "Bonnet", "Faure", "Mercier");

    static final List<Element> POLISH_CZECH_MALE = parse(
            "Łukasz|Lukasz", "Wojciech", "Grzegorz", "Paweł|Pawel", "Jiří|Jiri", "Tomáš|Tomas", "Zdeněk|Zdenek", "Piotr");
    static final List<Element> POLISH_CZECH_FEMALE = parse(
            "Małgorzata|Malgorzata", "Agnieszka", "Katarzyna", "Šárka|Sarka", "Zuzana", "Joanna");
    static final List<Element> POLISH_CZECH_FAMILY = parse(
            "Wiśniewski|Wisniewski", "Wójcik|Wojcik", "Kowalczyk", "Dvořák|Dvorak", "Novák|Novak", "Lewandowski",
            "Kamiński|Kaminski", "Zieliński|Zielinski", "Szymański|Szymanski", "Procházka|Prochazka", "Svoboda");

    static final List<Element> NORDIC_MALE = parse(
            "Søren|Soren|Soeren", "Bjørn|Bjorn|Bjoern", "Jørgen|Jorgen|Joergen", "Lars", "Anders", "Håkon|Hakon|Haakon");
    static final List<Element> NORDIC_FEMALE = parse("Åsa|Asa|Aasa", "Ingrid", "Sigrid", "Maja|Maia", "Linnéa|Linnea");
    static final List<Element> NORDIC_FAMILY = parse(
            "Jørgensen|Jorgensen|Joergensen", "Sørensen|Sorensen|Soerensen", "Andersen", "Ødegård|Odegard|Oedegaard",
            "Nilsson|Nillson", "Håkansson|Hakansson", "Lindqvist|Lindquist");

    static final List<Element> ITALIAN_MALE = parse(
            "Giuseppe", "Niccolò|Niccolo|Nicolo", "Luca", "Francesco", "Salvatore", "Giovanni");
    static final List<Element> ITALIAN_FEMALE = parse("Giulia", "Francesca", "Chiara", "Anna", "Rosaria");
    static final List<Element> ITALIAN_FAMILY = parse(
            "Rossi", "Esposito", "Bianchi", "Ricci", "Colombo", "De Luca|DeLuca", "Romano", "Di Stefano|Distefano", "Mancini");

    private NameBank() {
    }

    static List<Element> parse(String... specs) {
        List<Element> out = new ArrayList<>(specs.length);
        for (String s : specs) {
            out.add(Element.parse(s));
        }
        return List.copyOf(out);
    }

    /** A Cyrillic element romanised the three ways (English first). */
    static Element cyrillic(String cyr) {
        List<String> spellings = new ArrayList<>();
        for (Cyrillic.System s : Cyrillic.System.values()) {
            String r = Cyrillic.romanise(cyr, s);
            if (!spellings.contains(r)) {
                spellings.add(r);
            }
        }
        return new Element(List.copyOf(spellings), cyr);
    }

    /** The feminine form of a Slavic family name (Cyrillic): Щербаков -> Щербакова. */
    static String feminineCyrillic(String family) {
        if (family.endsWith("ов") || family.endsWith("ев") || family.endsWith("ёв") || family.endsWith("ин")) {
            return family + "а";
        }
        return family;
    }

    /** The feminine form of a Polish or Czech family name, in each spelling. */
    static String feminineWestSlavic(String family) {
        String lower = family.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ski") || lower.endsWith("cki")) {
            return family.substring(0, family.length() - 1) + "a";
        }
        if (lower.endsWith("a")) {
            return family.substring(0, family.length() - 1) + (family.equals(stripAscii(family)) ? "ova" : "ová");
        }
        if (lower.endsWith("ák") || lower.endsWith("ak")) {
            return family + (family.equals(stripAscii(family)) ? "ova" : "ová");
        }
        return family;
    }

    private static String stripAscii(String s) {
        return Spelling.stripDiacritics(s);
    }
}
