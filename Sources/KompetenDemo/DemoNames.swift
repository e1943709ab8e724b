/// Name pools for demo employees: the Christian given names common in Kupang and family names
/// from Timor, Rote, Sabu, Alor, Flores and Sumba, so lists and screenshots look like the city's.
enum DemoNames {
    static let male = [
        "Yohanes", "Agustinus", "Fransiskus", "Marthen", "Ferdinand", "Yosef", "Petrus", "Paulus",
        "Stefanus", "Dominggus", "Yakobus", "Matheos", "Markus", "Lukas", "Simon", "Andreas",
        "Benediktus", "Bernardus", "Daniel", "David", "Elias", "Emanuel", "Fredrik", "Gabriel",
        "Hendrik", "Herman", "Ignasius", "Yeremias", "Kornelis", "Yulius", "Kristofel", "Laurensius",
        "Leonardus", "Melkianus", "Mikael", "Nikolaus", "Obed", "Ruben", "Samuel", "Silvester",
        "Theodorus", "Thomas", "Viktor", "Wilhelmus", "Zakarias", "Alfred", "Arnoldus", "Ayub",
        "Benyamin", "Efraim", "Gerson", "Habel", "Isak", "Yonathan", "Yusuf", "Jefri",
        "Frengky", "Semuel", "Welem", "Rudolf", "Piter", "Oktovianus", "Abraham", "Amos",
        "Roni", "Alexander", "Vinsensius", "Aloysius", "Robert", "Ismail",
    ]
    static let female = [
        "Maria", "Yuliana", "Theresia", "Novita", "Debora", "Agustina", "Anastasia", "Angelina",
        "Antonia", "Bernadeta", "Katarina", "Klara", "Dorkas", "Elisabeth", "Ester", "Fransiska",
        "Florentina", "Getruida", "Hana", "Imelda", "Yohana", "Yosefina", "Yustina", "Kristina",
        "Lidia", "Magdalena", "Marta", "Margaretha", "Melania", "Naomi", "Ruth", "Sara",
        "Rosalina", "Selfiana", "Serlin", "Susana", "Veronika", "Wilhelmina", "Yeni", "Adriana",
        "Agnes", "Apolonia", "Aurelia", "Ernawati", "Grace", "Irene", "Jeni", "Lusia",
        "Meri", "Mariana", "Natalia", "Oktaviana", "Priska", "Regina", "Sisilia", "Theodora",
        "Vinsensia", "Yasinta", "Febriana", "Desi", "Frida", "Yolanda", "Dina", "Siti",
        "Nurhayati", "Herlina", "Marselina", "Emiliana", "Kornelia", "Ribka",
    ]
    static let family = [
        "Benu", "Fanggidae", "Ndun", "Manafe", "Nope", "Tanesib", "Bessie", "Riwu Kaho",
        "Dethan", "Haning", "Tefa", "Amalo", "Mooy", "Nenobais", "Foenale", "Sinlae",
        "Kolo", "Bria", "Tallo", "Lay", "Pellokila", "Messakh", "Toelle", "Boymau",
        "Kapitan", "Mella", "Ratu", "Djami", "Lado", "Tuka", "Pandie", "Ndolu",
        "Siki", "Laiskodat", "Adoe", "Ully", "Lenggu", "Nalle", "Lomi", "Hege",
        "Rohi", "Bani", "Kana", "Nuban", "Taneo", "Missa", "Oematan", "Selan",
        "Neno", "Seran", "Nahak", "Klau", "Leki", "Lobo", "Wadu", "Dimu",
        "Kale", "Manu", "Koreh", "Lopo", "Tamelab", "Bilaut", "Sogen", "Kelen",
        "Lewar", "Ola", "Koten", "Tukan", "Pareira", "da Costa", "Fernandez", "Gadi Djou",
        "Wangge", "Laka", "Lamury", "Kiuk", "Ballo", "Nggili", "Mangi", "Umbu Sorung",
    ]

    /// Titles as civil servants write them after the name, per education level.
    struct Titles {
        let d3: [String], s1: [String], s2: [String]
    }

    /// Titles by the OPD's `field` in the organisation file; unknown fields get the general set.
    static func titles(field: String) -> Titles {
        switch field {
        case "health":
            Titles(
                d3: ["A.Md.Kep.", "A.Md.Keb.", "A.Md.Kes", "A.Md.Farm"],
                s1: ["S.Kep., Ns.", "S.Kep., Ns.", "S.KM", "S.Farm", "S.Tr.Keb"], s2: ["M.Kes", "M.Kes", "M.Kep"])
        case "education":
            Titles(
                d3: ["A.Ma.Pd"], s1: ["S.Pd", "S.Pd", "S.Pd", "S.Pd.SD", "S.Pd.K", "S.Si"],
                s2: ["M.Pd", "M.Pd", "M.Si"])
        case "finance":
            Titles(d3: ["A.Md"], s1: ["S.E.", "S.E.", "S.Ak", "S.Sos"], s2: ["M.Si", "M.M.", "M.Ak"])
        case "law":
            Titles(d3: ["A.Md"], s1: ["S.H.", "S.H.", "S.Sos", "S.IP"], s2: ["M.H.", "M.Si"])
        case "it":
            Titles(d3: ["A.Md.Kom", "A.Md"], s1: ["S.Kom", "S.Kom", "S.T.", "S.Sos"], s2: ["M.Kom", "M.T."])
        case "engineering":
            Titles(d3: ["A.Md.T", "A.Md"], s1: ["S.T.", "S.T.", "S.Sos", "S.E."], s2: ["M.T.", "M.Si"])
        case "agriculture":
            Titles(d3: ["A.Md.P", "A.Md"], s1: ["S.P.", "S.Pt", "S.Pi", "S.Sos"], s2: ["M.Si", "M.P."])
        default:
            Titles(
                d3: ["A.Md"], s1: ["S.Sos", "S.Sos", "S.IP", "S.AP", "S.E.", "S.H.", "S.Kom"],
                s2: ["M.Si", "M.Si", "M.AP", "M.M."])
        }
    }
}
