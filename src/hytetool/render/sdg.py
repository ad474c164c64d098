"""Names of the UN sustainable development goals, as Finnish reports print them."""

from __future__ import annotations

NAMES = {
    "fi": [
        "Ei köyhyyttä", "Ei nälkää", "Terveyttä ja hyvinvointia", "Hyvä koulutus", "Sukupuolten tasa-arvo",
        "Puhdas vesi ja sanitaatio", "Edullista ja puhdasta energiaa", "Ihmisarvoista työtä ja talouskasvua",
        "Kestävää teollisuutta, innovaatioita ja infrastruktuureja", "Eriarvoisuuden vähentäminen",
        "Kestävät kaupungit ja yhteisöt", "Vastuullista kuluttamista", "Ilmastotekoja", "Vedenalainen elämä",
        "Maanpäällinen elämä", "Rauha, oikeudenmukaisuus ja hyvä hallinto", "Yhteistyö ja kumppanuus",
    ],
    "sv": [
        "Ingen fattigdom", "Ingen hunger", "Hälsa och välbefinnande", "God utbildning för alla", "Jämställdhet",
        "Rent vatten och sanitet för alla", "Hållbar energi för alla", "Anständiga arbetsvillkor och ekonomisk tillväxt",
        "Hållbar industri, innovationer och infrastruktur", "Minskad ojämlikhet", "Hållbara städer och samhällen",
        "Hållbar konsumtion och produktion", "Bekämpa klimatförändringarna", "Hav och marina resurser",
        "Ekosystem och biologisk mångfald", "Fredliga och inkluderande samhällen", "Genomförande och globalt partnerskap",
    ],
    "en": [
        "No poverty", "Zero hunger", "Good health and well-being", "Quality education", "Gender equality",
        "Clean water and sanitation", "Affordable and clean energy", "Decent work and economic growth",
        "Industry, innovation and infrastructure", "Reduced inequalities", "Sustainable cities and communities",
        "Responsible consumption and production", "Climate action", "Life below water", "Life on land",
        "Peace, justice and strong institutions", "Partnerships for the goals",
    ],
}


def sdg_name(number: int, lang: str) -> str:
    names = NAMES.get(lang, NAMES["en"])
    return names[number - 1] if 1 <= number <= len(names) else str(number)
