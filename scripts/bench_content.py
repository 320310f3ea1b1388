#!/usr/bin/env python3
"""Writes a synthetic PlanSite content folder with N events, for benchmarks only.

Usage: bench_content.py N OUTPUT_FOLDER

Deterministic (seeded): three languages (en, ru, kk with fallbacks), 8 areas, 3 documents,
N events spread over the six years of the period, each with en and ru text (every fourth also
kk, the rest fall back) and Markdown bodies of 300-600 words with headings, lists and links
between items. Nothing here is real: this content never goes into content/.
"""
import os
import random
import sys

WORDS = {
    "en": ("cooperation security dialogue confidence measures member states secretariat meeting "
           "expert group regional stability exchange information training workshop joint report "
           "programme partners implementation review agenda session delegation experience practice "
           "capacity development framework coordination forum initiative annual progress").split(),
    "ru": ("сотрудничество безопасность диалог доверие меры государства секретариат заседание "
           "экспертная группа региональная стабильность обмен информацией обучение семинар "
           "совместный доклад программа партнёры реализация обзор повестка сессия делегация опыт "
           "практика потенциал развитие рамки координация форум инициатива ежегодный прогресс").split(),
    "kk": ("ынтымақтастық қауіпсіздік диалог сенім шаралар мемлекеттер хатшылық отырыс сарапшылар "
           "тобы өңірлік тұрақтылық ақпарат алмасу оқыту семинар бірлескен баяндама бағдарлама "
           "әріптестер іске асыру шолу күн тәртібі сессия делегация тәжірибе әлеует даму").split(),
}
AREAS = ["cybercrime", "sports", "terrorism", "narcotics", "un-assembly", "environment", "disasters", "energy"]
TITLES = {"en": "Meeting", "ru": "Заседание", "kk": "Отырыс"}


def sentence(rng, language, words):
    chosen = [rng.choice(WORDS[language]) for _ in range(words)]
    return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + "."


def body(rng, language, area):
    parts, count, target = [], 0, rng.randint(300, 600)
    while count < target:
        kind = rng.random()
        if kind < 0.12:
            parts.append("## " + sentence(rng, language, 4)[:-1])
            count += 4
        elif kind < 0.25:
            items = [f"- {sentence(rng, language, 8)}" for _ in range(rng.randint(2, 5))]
            parts.append("\n".join(items))
            count += 8 * len(items)
        else:
            text = " ".join(sentence(rng, language, rng.randint(8, 18)) for _ in range(rng.randint(2, 5)))
            if rng.random() < 0.3:
                text += f" See [the area](/areas/{area}) and [the plan](/documents/plan)."
            parts.append(text)
            count += len(text.split())
    return "\n\n".join(parts) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    count, root = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20240625)
    write(os.path.join(root, "site.yaml"), """title: {en: "Synthetic Plan 2025-2030", ru: "Синтетический план 2025-2030", kk: "Синтетикалық жоспар 2025-2030"}
languages:
  - {code: en, name: English, locale: en-GB}
  - {code: ru, name: Русский, fallback: [en]}
  - {code: kk, name: Қазақша, fallback: [ru, en]}
baseURL: https://bench.example/
timezone: Asia/Almaty
period: {start: 2025, end: 2030}
organizations:
  cica: {en: CICA, ru: СВМДА, kk: Азия Кеңесі}
  sco: {en: SCO, ru: ШОС, kk: ШЫҰ}
""")
    for language in ("en", "ru", "kk"):
        write(os.path.join(root, "home", f"{language}.md"),
              f"---\ntitle: {TITLES[language]}\n---\n{body(rng, language, AREAS[0])}")
    for order, slug in enumerate(["plan", "mou", "note"], 1):
        write(os.path.join(root, "documents", slug, "meta.yaml"), f"order: {order}\n")
        for language in ("en", "ru"):
            write(os.path.join(root, "documents", slug, f"{language}.md"),
                  f"---\ntitle: {slug.upper()} {TITLES[language]}\n---\n{body(rng, language, AREAS[0])}")
    for number, slug in enumerate(AREAS, 1):
        write(os.path.join(root, "areas", slug, "meta.yaml"), f"number: {number}\n")
        for language in ("en", "ru"):
            write(os.path.join(root, "areas", slug, f"{language}.md"),
                  f"---\ntitle: {sentence(rng, language, 3)[:-1]}\n---\n{body(rng, language, slug)}")
    for index in range(count):
        year = 2025 + index * 6 // max(count, 1)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        area = AREAS[index % len(AREAS)]
        slug = f"event-{index:06d}"
        meta = f"start: {year}-{month:02d}-{day:02d}\narea: {area}\norganizers: [cica]\n"
        if index % 5 == 0:
            meta = f"start: \"{year}-{month:02d}-{day:02d} 10:00\"\nend: \"{year}-{month:02d}-{day:02d} 17:30\"\narea: {area}\norganizers: [cica, sco]\nformat: hybrid\n"
        folder = os.path.join(root, "events", str(year), slug)
        write(os.path.join(folder, "meta.yaml"), meta)
        languages = ("en", "ru", "kk") if index % 4 == 0 else ("en", "ru")
        for language in languages:
            write(os.path.join(folder, f"{language}.md"),
                  f"---\ntitle: \"{TITLES[language]} {index}: {sentence(rng, language, 5)[:-1]}\"\n"
                  f"location: {sentence(rng, language, 2)[:-1]}\n---\n{body(rng, language, area)}")


if __name__ == "__main__":
    main()
