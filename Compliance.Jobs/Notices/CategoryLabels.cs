using Compliance.Domain.Vocabulary;

namespace Compliance.Jobs.Notices;

/// <summary>
/// The data categories as a notice names them to its reader, in every language the notice templates are written in:
/// a Chinese or French letter never lists English words. A test fails when a category or a template language lacks one.
/// </summary>
public static class CategoryLabels
{
    private static readonly DataCategory[] Order =
    [
        DataCategory.Name, DataCategory.Email, DataCategory.Phone, DataCategory.PostalAddress, DataCategory.DateOfBirth,
        DataCategory.NationalId, DataCategory.Passport, DataCategory.DriversLicence, DataCategory.FinancialAccount,
        DataCategory.PaymentCard, DataCategory.Credentials, DataCategory.Health, DataCategory.Biometric, DataCategory.Genetic,
        DataCategory.RacialEthnicOrigin, DataCategory.PoliticalOpinion, DataCategory.ReligiousBelief,
        DataCategory.TradeUnionMembership, DataCategory.SexLifeOrientation, DataCategory.CriminalRecord, DataCategory.Location,
        DataCategory.DonationHistory, DataCategory.Children, DataCategory.Other,
    ];

    // One line per language, in the order above.
    private static readonly Dictionary<string, string[]> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] =
        [
            "Name", "Email address", "Phone number", "Postal address", "Date of birth", "National ID number (SSN, HKID, SIN, NRIC, CPF, Aadhaar…)",
            "Passport", "Driver's licence", "Bank or financial account", "Payment card", "Passwords or other credentials", "Health",
            "Biometric", "Genetic", "Racial or ethnic origin", "Political opinion", "Religious belief", "Trade union membership",
            "Sex life or sexual orientation", "Criminal record", "Location", "Donation history", "Data about children", "Other",
        ],
        ["fr"] =
        [
            "Nom", "Adresse électronique", "Numéro de téléphone", "Adresse postale", "Date de naissance", "Numéro d'identification national",
            "Passeport", "Permis de conduire", "Compte bancaire ou financier", "Carte de paiement", "Mots de passe ou autres identifiants",
            "Données de santé", "Données biométriques", "Données génétiques", "Origine raciale ou ethnique", "Opinions politiques",
            "Convictions religieuses", "Appartenance syndicale", "Vie sexuelle ou orientation sexuelle", "Casier judiciaire",
            "Localisation", "Historique des dons", "Données concernant des enfants", "Autres données",
        ],
        ["es"] =
        [
            "Nombre", "Dirección de correo electrónico", "Número de teléfono", "Dirección postal", "Fecha de nacimiento",
            "Número de identificación nacional", "Pasaporte", "Permiso de conducir", "Cuenta bancaria o financiera", "Tarjeta de pago",
            "Contraseñas u otras credenciales", "Datos de salud", "Datos biométricos", "Datos genéticos", "Origen racial o étnico",
            "Opiniones políticas", "Creencias religiosas", "Afiliación sindical", "Vida sexual u orientación sexual", "Antecedentes penales",
            "Ubicación", "Historial de donaciones", "Datos sobre menores", "Otros datos",
        ],
        ["pt"] =
        [
            "Nome", "Endereço de e-mail", "Número de telefone", "Endereço postal", "Data de nascimento", "Número de identificação nacional",
            "Passaporte", "Carteira de motorista", "Conta bancária ou financeira", "Cartão de pagamento", "Senhas ou outras credenciais",
            "Dados de saúde", "Dados biométricos", "Dados genéticos", "Origem racial ou étnica", "Opiniões políticas",
            "Convicções religiosas", "Filiação sindical", "Vida sexual ou orientação sexual", "Antecedentes criminais", "Localização",
            "Histórico de doações", "Dados sobre crianças", "Outros dados",
        ],
        ["zh-Hant"] =
        [
            "姓名", "電郵地址", "電話號碼", "郵寄地址", "出生日期", "身份證號碼", "護照", "駕駛執照", "銀行或金融帳戶", "支付卡",
            "密碼或其他登入憑證", "健康資料", "生物特徵資料", "遺傳資料", "種族或族裔", "政治意見", "宗教信仰", "工會會籍",
            "性生活或性傾向", "刑事紀錄", "位置資料", "捐款紀錄", "兒童資料", "其他資料",
        ],
        ["zh-Hans"] =
        [
            "姓名", "电子邮件地址", "电话号码", "邮寄地址", "出生日期", "身份证号码", "护照", "驾驶执照", "银行或金融账户", "支付卡",
            "密码或其他登录凭证", "健康信息", "生物识别信息", "基因信息", "种族或民族", "政治观点", "宗教信仰", "工会会员身份",
            "性生活或性取向", "犯罪记录", "位置信息", "捐款记录", "儿童信息", "其他信息",
        ],
        ["ar"] =
        [
            "الاسم", "عنوان البريد الإلكتروني", "رقم الهاتف", "العنوان البريدي", "تاريخ الميلاد", "رقم الهوية الوطنية", "جواز السفر",
            "رخصة القيادة", "الحساب المصرفي أو المالي", "بطاقة الدفع", "كلمات المرور أو بيانات الدخول الأخرى", "البيانات الصحية",
            "البيانات البيومترية", "البيانات الجينية", "الأصل العرقي أو الإثني", "الآراء السياسية", "المعتقدات الدينية",
            "العضوية النقابية", "الحياة الجنسية أو التوجه الجنسي", "السجل الجنائي", "الموقع", "سجل التبرعات", "بيانات عن الأطفال",
            "بيانات أخرى",
        ],
    };

    /// <summary>The languages with a label for every category.</summary>
    public static IReadOnlyCollection<string> Languages { get; } = Words.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The label of <paramref name="category"/> in <paramref name="language"/>, or null when that language has none.</summary>
    public static string? Of(DataCategory category, string language) =>
        Words.TryGetValue(language, out var words) && Array.IndexOf(Order, category) is var i and >= 0 && i < words.Length ? words[i] : null;

    /// <summary>The categories as one line of the reader's language ("姓名、電郵地址"; "الاسم، رقم الهاتف").</summary>
    public static string List(IEnumerable<DataCategory> categories, string language)
    {
        var separator = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "、" : language.StartsWith("ar", StringComparison.OrdinalIgnoreCase) ? "، " : ", ";
        return string.Join(separator, categories.Select(c => Of(c, language) ?? throw new KeyNotFoundException($"No {language} label for {c}.")));
    }
}
