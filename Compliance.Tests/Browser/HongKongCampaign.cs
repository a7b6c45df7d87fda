using Compliance.Web.Commands;

namespace Compliance.Tests.Browser;

/// <summary>The Hong Kong seed's supporters and the notice a legal officer writes them in each language, for the campaign journey.</summary>
internal static class HongKongCampaign
{
    public sealed record Supporter(string Name, string Email, string Jurisdiction, string Language, string Note)
    {
        public bool AtRisk => Note.Contains("at risk", StringComparison.OrdinalIgnoreCase);
    }

    // Read from the seed itself, so the test follows the data rather than a number copied from it. The first five
    // columns hold no commas; the note, last, may (quoted).
    public static readonly IReadOnlyList<Supporter> Supporters = DemoSeeder.HongKongSupporters
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
        .Select(line => line.Split(',', 6))
        .Select(f => new Supporter(f[0], f[1], f[3], f[4], f[5].Trim('"')))
        .ToList();

    public static readonly (string Language, (string Label, string Text)[] Parts)[] NoticeTexts =
    [
        ("en",
        [
            ("What happened", "State-sponsored intruders were found in our supporter database."), ("When", "From January to March 2019."),
            ("What it could mean for them", "Your name, Hong Kong ID number and contact details may be used to identify or contact you."),
            ("What we have done", "We closed the intruders' access, told the PCPD and changed every password."),
            ("What they can do", "Be wary of unexpected calls or messages that mention us."), ("Whom to ask (contact point)", "privacy@demo.example"),
        ]),
        ("zh-Hant",
        [
            ("What happened", "我們發現有國家支持的入侵者進入了我們的支持者資料庫。"), ("When", "2019 年 1 月至 3 月。"),
            ("What it could mean for them", "您的姓名、香港身份證號碼及聯絡資料可能被用來識別或聯絡您。"),
            ("What we have done", "我們已截斷入侵者的存取、通知私隱專員公署，並更改了所有密碼。"),
            ("What they can do", "如有提及我們的陌生來電或訊息，請提高警覺。"), ("Whom to ask (contact point)", "privacy@demo.example"),
        ]),
        ("fr",
        [
            ("What happened", "Des intrus soutenus par un État ont été découverts dans notre base de données de sympathisants."),
            ("When", "De janvier à mars 2019."),
            ("What it could mean for them", "Votre nom, votre numéro d'identité et vos coordonnées pourraient servir à vous identifier ou à vous joindre."),
            ("What we have done", "Nous avons coupé l'accès des intrus, avisé les autorités et changé tous les mots de passe."),
            ("What they can do", "Méfiez-vous des appels ou messages inattendus qui nous mentionnent."), ("Whom to ask (contact point)", "privacy@demo.example"),
        ]),
    ];
}
