"""The benchmark's table and the docs page docs/ytelse.md, with Norwegian number formatting."""

from __future__ import annotations

from typing import Any


def nb(value: float, decimals: int = 0) -> str:
    """A number the Norwegian way: decimal comma, a non-breaking space between thousands."""
    return f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")


def ms(value: float) -> str:
    return f"{nb(value)} ms"


def requests(count: float) -> str:
    return f"{nb(count)} {'forespørsel' if count == 1 else 'forespørsler'}"


def megabytes(value: float) -> str:
    return f"{nb(value / 1_000_000, 2)} MB"


def rows(f: dict[str, Any], builds: dict[str, float]) -> list[tuple[str, str, str, bool | None]]:
    engine_ratio = f["first_ready"] / f["bare"]
    repeat_ratio = f["repeat_ready"] / f["bare"]
    throttled_ratio = f["ready_4x"] / f["bare_4x"]
    slowest = max(f["big"]["exports"].values())
    growth = f["growth"]
    smallest, largest = min(growth, key=int), max(growth, key=int)
    build_ratio = builds["ours"] / builds["material"]
    return [
        (
            "Motoren klar fra navigering / ren Pyodide fra navigering",
            f"{nb(engine_ratio, 2)} ({ms(f['first_ready'])} / {ms(f['bare'])})",
            "≤ 0,7",
            engine_ratio <= 0.7,
        ),
        (
            "Første besøk på en sjekkliste, sendt av nginx",
            f"{megabytes(f['first_bytes'])} ({requests(f['first_requests'])})",
            "≤ 4,5 MB",
            f["first_bytes"] <= 4_500_000,
        ),
        (
            "Gjentatt besøk, sendt av nginx (med hoder)",
            f"{nb(f['repeat_bytes'])} byte ({requests(f['repeat_requests'])}, "
            f"{nb(f['repeat_not_modified'])} av dem 304; {nb(f['repeat_body'])} byte innhold)",
            "≤ 1 KB",
            f["repeat_bytes"] <= 1024,
        ),
        (
            "Gjentatt besøk: motoren klar / kald ren Pyodide",
            f"{nb(repeat_ratio, 2)} ({ms(f['repeat_ready'])} / {ms(f['bare'])})",
            "≤ 0,5",
            repeat_ratio <= 0.5,
        ),
        (
            "4× CPU-struping (bare hovedtråden, se under): motoren / ren Pyodide",
            f"{nb(throttled_ratio, 2)} ({ms(f['ready_4x'])} / {ms(f['bare_4x'])})",
            "(informasjon)",
            None,
        ),
        (
            "Samme regneløkke med 4× struping / uten: hovedtråd, worker",
            f"{nb(f['spin_main_4x'] / f['spin_main_1x'], 1)}×, {nb(f['spin_worker_4x'] / f['spin_worker_1x'], 1)}×",
            "(informasjon)",
            None,
        ),
        ("2000 punkter: fremdrift vist etter et klikk", ms(f["big"]["click"]), "≤ 50 ms", f["big"]["click"] <= 50),
        ("2000 punkter: motorens fremdriftskall, alt besvart", ms(f["big"]["progress"]), "(informasjon)", None),
        (
            "2000 punkter: tregeste eksport, alt besvart",
            f"{ms(slowest)} ({', '.join(f'{k} {nb(v)}' for k, v in f['big']['exports'].items())} ms)",
            "≤ 500 ms",
            slowest <= 500,
        ),
        (
            "Veiledningsside sendt av nginx ved "
            + " / ".join(nb(int(c)) for c in sorted(growth, key=int))
            + " sjekklister",
            " / ".join(f"{nb(growth[c] / 1000)} kB" for c in sorted(growth, key=int))
            + " (søkeindeksen: "
            + " / ".join(f"{nb(f['index_sizes'][c] / 1_000_000, 1)} MB" for c in sorted(growth, key=int))
            + ", lastes først ved søk)",
            "vokser ikke",
            growth[largest] <= 1.05 * growth[smallest],
        ),
        (
            "Veiledningsside: sjekklistekode sendt (checklist.js og modulene)",
            f"{nb(f['guidance_checklist_code'])} byte",
            "0 byte",
            f["guidance_checklist_code"] == 0,
        ),
        (
            "Svar lagret etter DOMContentLoaded",
            ms(f["answer_saved"]) if f.get("answer_saved") is not None else "ikke målt",
            "≤ 100 ms",
            f.get("answer_saved") is not None and f["answer_saved"] <= 100,
        ),
        (
            "Bygg med varm hurtigbuffer: vårt / bare Material (samme Markdown)",
            f"{nb(build_ratio, 2)} ({nb(builds['ours'], 1)} s / {nb(builds['material'], 1)} s)",
            "≤ 2",
            build_ratio <= 2,
        ),
        (
            "Bygg med kald hurtigbuffer (komprimering og standardbibliotek på nytt)",
            f"{nb(builds['cold'], 1)} s",
            "(informasjon)",
            None,
        ),
    ]


def table(f: dict[str, Any], builds: dict[str, float], about: str) -> str:
    answer = {True: "ja", False: "**nei**", None: "–"}
    lines = ["| Måling | Resultat | Krav | Oppfylt |", "|---|---|---|---|"]
    lines += [f"| {name} | {value} | {bar} | {answer[ok]} |" for name, value, bar, ok in rows(f, builds)]
    return "\n".join([*lines, "", about])


PAGE = """---
description: Målte ytelsestall for Partnerskapsverktøyet, og hvordan du måler dem selv.
---

# Ytelse

Tallene under er målt med `{command}` i en ekte nettleser (Chromium), i én og samme kjøring, mot
nettstedet slik prosjektets nginx-oppsett serverer det (ferdig komprimerte filer, hurtigbuffer-hoder,
streng innholdssikkerhet). Forholdstall sammenligner med det samme målt i samme nettleser, slik at
tallene sier noe også på en annen maskin.

## Siste måling {{ #siste-maling }}

{table}

## Slik måler du selv {{ #slik-maler-du }}

```sh
scripts/test          # installerer det som trengs (første gang)
{command}   # bygger, måler og skriver denne siden på nytt
```

Hva som måles:

- **Motoren klar:** tiden fra navigeringen starter til motoren har lastet sjekklisten, delt på tiden
  fra navigering til en ren Pyodide-oppstart er ferdig (en side med en modul-worker som bare kaller
  `loadPyodide` fra de samme filene på nettstedet, med Pyodides eget standardbibliotek og låsefil).
- **Bytes:** alt nginx sendte, med hoder, for et første besøk i en ny nettleserprofil og for et nytt
  besøk i samme profil. Profilene holder hurtigbufferen i minnet, som et gjeste- eller inkognitovindu.
  Det første besøket regnes som ferdig når motoren har hentet det den laster når siden er ledig
  (XlsxWriter for Excel-eksport), og service workeren har tatt vare på siden; alt dette er med i
  tallet. Ved et nytt besøk kommer motoren, skriptene, stilene og sjekklistedefinisjonen fra service
  workerens hurtigbuffer for denne versjonen av nettstedet; nettleseren spør bare etter siden og `sw.js`.

- **4× CPU-struping:** Chromiums struping (via DevTools-protokollen) er laget for sidens hovedtråd,
  mens Pyodide kjører i en worker. Raden «samme regneløkke» måler hva strupingen faktisk bremser på
  denne maskinen: en fast regneløkke på hovedtråden og i en worker, med og uten struping. Bremses
  ikke workeren, viser 4×-tallene bare hvor mye en treg hovedtråd forsinker motoren (sideoppsett,
  moduler, meldinger); Python-arbeidet i workeren tar da lengre tid på en treg maskin for både
  motoren og ren Pyodide, og forholdstallet ved 1× sier mest om den delen.
- **2000 punkter:** en generert sjekkliste med 2000 punkter av alle typer: tiden fra et klikk til
  fremdriften er oppdatert på siden, motorens fremdriftskall og hver eksport med alle punkter besvart.
- **Veiledningsside:** det en veiledningsside sender ved flere sjekklister (kopier av den minste),
  og hvor mye av det som er sjekklistekode (den lastes bare på sjekkliste- og sammenstillingssider).
  Søkeindeksen vokser med sjekklistene, men lastes først når noen søker.
- **Bygg:** hele nettstedet med sjekklistene, delt på Material alene med den samme Markdown-teksten,
  begge med varm hurtigbuffer; og vårt bygg med tom hurtigbuffer.

Slik kommer motoren tidlig i gang: sjekklistesiden starter den fra `<head>`, før resten av siden er
lest inn. Den venter ikke på service workeren. Ved første besøk legger motoren selv filene den
henter, i service workerens hurtigbuffer, og service workeren registreres først når motoren har
svart, slik at den ikke konkurrerer om prosessoren mens motoren starter. Motorens egne
Python-moduler er ferdig kompilert i bygget, av den samme Pyodide-versjonen som kjører dem.
"""


def report(f: dict[str, Any], builds: dict[str, float], about: str, command: str) -> tuple[str, str]:
    """(docs page, table)."""
    text = table(f, builds, about)
    return PAGE.format(command=command, table=text), text
