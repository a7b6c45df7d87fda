namespace Compliance.Bench;

/// <summary>The notice <c>bench notices</c> sends: the Hong Kong incident's, in English and in the other languages its people read.</summary>
internal static class NoticeBenchTexts
{
    public static readonly IReadOnlyDictionary<string, string> Notice = new Dictionary<string, string>
    {
        ["nature"] = "Intruders reached the server that holds our supporter list and copied it.",
        ["period"] = "between 10 and 15 March 2019",
        ["consequences"] = "Someone could use your name and email address to send you messages that pretend to come from us.",
        ["measures"] = "We shut the intruders out, changed every administrator password and now require two-factor sign-in.",
        ["advice"] = "Be wary of messages that claim to come from us and ask for money or passwords; we never do.",
        ["contact"] = "our data protection officer, dpo@demo.example, +852 5555 0100",
    };

    /// <summary>The notice in the other languages of <see cref="BenchPeople"/>: a campaign refuses a language without text.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Translations = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["zh-Hant"] = new Dictionary<string, string>
        {
            ["nature"] = "入侵者進入了存放我們支持者名單的伺服器，並複製了名單。",
            ["period"] = "2019 年 3 月 10 日至 15 日期間",
            ["consequences"] = "有人可能利用您的姓名和電郵地址，冒充我們向您發送訊息。",
            ["measures"] = "我們已阻截入侵者、更改所有管理員密碼，並規定使用雙重認證登入。",
            ["advice"] = "如有自稱來自我們、要求款項或密碼的訊息，請提高警覺；我們從不會這樣做。",
            ["contact"] = "我們的保障資料主任：dpo@demo.example，+852 5555 0100",
        },
        ["fr"] = new Dictionary<string, string>
        {
            ["nature"] = "Des intrus ont accédé au serveur qui contient la liste de nos sympathisants et l'ont copiée.",
            ["period"] = "entre le 10 et le 15 mars 2019",
            ["consequences"] = "Quelqu'un pourrait utiliser votre nom et votre adresse électronique pour vous envoyer des messages qui semblent venir de nous.",
            ["measures"] = "Nous avons exclu les intrus, changé tous les mots de passe d'administration et exigeons désormais une connexion à deux facteurs.",
            ["advice"] = "Méfiez-vous des messages qui prétendent venir de nous et demandent de l'argent ou des mots de passe : nous ne le faisons jamais.",
            ["contact"] = "notre délégué à la protection des données, dpo@demo.example, +852 5555 0100",
        },
    };
}
