"""Cheap checks that a message is not English or not language at all, so it never becomes a todo.

Foreign: mostly non-Latin letters (Japanese, Cyrillic, Arabic ...), or Latin-script words from
Spanish/French/German/Italian/Portuguese/Dutch stopword and todo-verb lists with no English
words. Gibberish: keyboard runs ("asdf", "qwerty"), vowel-less or repeated-letter words.
"""

from __future__ import annotations

import re
from typing import Literal

from .text import word_set

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_KEYBOARD = re.compile(
    r"asdf|sdfg|dfgh|fghj|ghjk|hjkl|jkl;|qwer|wert|erty|rtyu|tyui|yuio|uiop|zxcv|xcvb|cvbn|vbnm"
    r"|qaz|wsx|edc|([a-z])\1{3,}",
)
_VOWELS = set("aeiouyàáâãäåèéêëìíîïòóôõöùúûüÿ")
ENGLISH = word_set(
    """a an the to and or of for in on at by with about my me i you it is are be do does did
    what what's whats when where which who how any anything all show list add remind new task
    tasks todo todos please can could would will should need have has want get got this that
    today tomorrow tonight week day next yes no ok okay hi hello hey thanks thank bye help done
    buy call pay email send book clean fix read write finish make take pick go visit check
    mom dad milk bread eggs work home not don't dont up out from your our we they his her
    mark delete remove move rename change set priority tag tagged every daily monday tuesday
    wednesday thursday friday saturday sunday morning evening night noon meeting report
    """
)
FOREIGN = word_set(
    """el la los las del que y en un una por para con es al lo como pero más mañana hoy
    añadir agregar recordar recuérdame recuerdame recordarme comprar llamar pagar leche pan tarea
    tareas mi mis madre padre necesito tengo hacer
    le les du des et pour avec une est dans sur pas ce cette demain aujourd'hui ajouter
    ajoute acheter appeler payer rappelle rappelle-moi pain lait tâche tâches faire
    der die das und ich mit für ein eine nicht ist zu den dem auf morgen heute hinzufügen
    kaufen anrufen erinnere erinnern bezahlen milch brot aufgabe aufgaben bitte mich
    il di per che non gli della domani oggi aggiungi comprare chiamare pagare latte pane
    não com uma os amanhã hoje adicionar ligar pão leite tarefa
    een het en niet voor van morgen vandaag toevoegen kopen bellen melk brood ik
    """
)
_LATIN_ACCENTS = re.compile(r"[ñçßäöüàâéèêëîïôûùœæãõ¿¡]", re.IGNORECASE)


def _gibberish_word(word: str) -> bool:
    if _KEYBOARD.search(word):
        return True
    if len(word) >= 4 and not (set(word) & _VOWELS):
        return True
    run = 0
    for ch in word:
        run = 0 if ch in _VOWELS else run + 1
        if run >= 5:
            return True
    return False


def classify(text: str) -> Literal["foreign", "gibberish"] | None:
    """'foreign' or 'gibberish' when the message should not be read as English, else None."""
    sample = text[:400]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F)
    if non_latin * 2 > len(letters):
        return "foreign"
    words = [w.lower() for w in _WORD.findall(sample)]
    english = sum(1 for w in words if w in ENGLISH)
    foreign = sum(1 for w in words if w in FOREIGN and w not in ENGLISH)
    accented = bool(_LATIN_ACCENTS.search(sample))
    if english == 0 and (foreign >= 2 or (foreign >= 1 and accented)):
        return "foreign"
    if foreign >= 3 and foreign > english * 2:
        return "foreign"
    if english == 0 and words:
        gib = sum(1 for w in words if _gibberish_word(w))
        if gib * 2 >= len(words):
            return "gibberish"
    return None
