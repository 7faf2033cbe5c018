<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>1 promise overdue</source>
        <translation>1 Zusage überfällig</translation>
    </message>
    <message numerus="yes">
        <source>%n promises overdue</source>
        <translation>
            <numerusform>%n Zusage überfällig</numerusform>
            <numerusform>%n Zusagen überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>1 promise due today</source>
        <translation>1 Zusage heute fällig</translation>
    </message>
    <message numerus="yes">
        <source>%n promises due today</source>
        <translation>
            <numerusform>%n Zusage heute fällig</numerusform>
            <numerusform>%n Zusagen heute fällig</numerusform>
        </translation>
    </message>
    <message>
        <source>1 check-in overdue</source>
        <translation>1 Kontakt überfällig</translation>
    </message>
    <message numerus="yes">
        <source>%n check-ins overdue</source>
        <translation>
            <numerusform>%n Kontakt überfällig</numerusform>
            <numerusform>%n Kontakte überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>1 reply overdue</source>
        <translation>1 Antwort überfällig</translation>
    </message>
    <message numerus="yes">
        <source>%n replies overdue</source>
        <translation>
            <numerusform>%n Antwort überfällig</numerusform>
            <numerusform>%n Antworten überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing needs you right now</source>
        <translation>Gerade braucht nichts Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Changed by someone else at the same moment; nothing was saved: try again</source>
        <extracomment>The largest id SQLite (and PostgreSQL&apos;s bigint) can hold; a larger one names no row.</extracomment>
        <translation>Gleichzeitig von jemand anderem geändert; nichts wurde gespeichert: Versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>no client with id {id}</source>
        <translation>kein Kunde mit der Nummer {id}</translation>
    </message>
    <message>
        <source>no promise with id {id}</source>
        <translation>keine Zusage mit der Nummer {id}</translation>
    </message>
    <message>
        <source>no note with id {id}</source>
        <translation>keine Notiz mit der Nummer {id}</translation>
    </message>
    <message>
        <source>no incident with id {id}</source>
        <translation>kein Vorfall mit der Nummer {id}</translation>
    </message>
    <message>
        <source>no request with id {id}</source>
        <translation>keine Anfrage mit der Nummer {id}</translation>
    </message>
    <message>
        <source>{what} {value!r} is not one of: {choices}</source>
        <translation>{what} {value!r} ist keiner dieser Werte: {choices}</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>The note with {client}</source>
        <translation>Die Notiz mit {client}</translation>
    </message>
    <message>
        <source> (was it deleted?)</source>
        <translation> (wurde sie gelöscht?)</translation>
    </message>
    <message>
        <source>unknown note field(s): {names}</source>
        <translation>unbekannte Felder einer Notiz: {names}</translation>
    </message>
    <message>
        <source>That note is in the notebook again; nothing was restored</source>
        <translation>Diese Notiz ist wieder im Notizbuch; nichts wurde wiederhergestellt</translation>
    </message>
    <message>
        <source>what happened</source>
        <extracomment>Who recorded it (None: recorded before authors were kept). Who logged it, the one it reminds (None: logged before authors were kept).</extracomment>
        <translation>was passiert ist</translation>
    </message>
    <message>
        <source>unknown incident field(s): {fields}</source>
        <translation>unbekannte Felder eines Vorfalls: {fields}</translation>
    </message>
    <message>
        <source>{what} must be a moment with its time zone</source>
        <translation>{what} muss ein Zeitpunkt mit Zeitzone sein</translation>
    </message>
    <message>
        <source>when it happened cannot be empty</source>
        <translation>wann es passiert ist, darf nicht leer sein</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>Wann es passiert ist</translation>
    </message>
    <message>
        <source>Apologised on</source>
        <translation>Entschuldigt am</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>Entschuldigung</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <source>Fix promise</source>
        <translation>Zusage zur Behebung</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>Prevention</source>
        <translation>Vorbeugung</translation>
    </message>
    <message>
        <source>Goodwill gesture</source>
        <translation>Geste des Entgegenkommens</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Abgeschlossen am</translation>
    </message>
    <message>
        <source>Incident “{what}”</source>
        <translation>Vorfall „{what}“</translation>
    </message>
    <message>
        <source>promise {promise} is not one of this client&apos;s promises</source>
        <translation>Zusage {promise} gehört nicht zu diesem Kunden</translation>
    </message>
    <message>
        <source>the fix</source>
        <translation>die Behebung</translation>
    </message>
    <message>
        <source>request summary</source>
        <translation>Zusammenfassung der Anfrage</translation>
    </message>
    <message>
        <source>a request cannot be received in the future</source>
        <translation>eine Anfrage kann nicht in der Zukunft eingegangen sein</translation>
    </message>
    <message>
        <source>The request “{summary}”</source>
        <translation>Die Anfrage „{summary}“</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>client name</source>
        <translation>Kundenname</translation>
    </message>
    <message>
        <source>organisation is too long (at most 200 characters)</source>
        <translation>die Organisation ist zu lang (höchstens 200 Zeichen)</translation>
    </message>
    <message>
        <source>email {email!r} is not an email address</source>
        <translation>E-Mail {email!r} ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>phone {phone!r} has no digits</source>
        <translation>Telefon {phone!r} enthält keine Ziffern</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>how they like to be handled</source>
        <translation>wie der Kunde behandelt werden möchte</translation>
    </message>
    <message>
        <source>unknown client field(s): {fields}</source>
        <translation>unbekannte Kundenfelder: {fields}</translation>
    </message>
    <message>
        <source>{name} was changed elsewhere since it was loaded; reload it and try again</source>
        <translation>{name} wurde seit dem Laden anderswo geändert; laden Sie neu und versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>client is empty: give an id or a name</source>
        <translation>Kunde ist leer: Geben Sie eine Nummer oder einen Namen an</translation>
    </message>
    <message>
        <source>client {text!r} is ambiguous: id {id} is {name!r}, and client {other} is named {text!r}; write #{id} or #{other}</source>
        <translation>Kunde {text!r} ist mehrdeutig: Nummer {id} ist {name!r}, und Kunde {other} heißt {text!r}; schreiben Sie #{id} oder #{other}</translation>
    </message>
    <message>
        <source>no client with id or name {text!r}</source>
        <translation>kein Kunde mit der Nummer oder dem Namen {text!r}</translation>
    </message>
    <message>
        <source>no client named {text!r}</source>
        <translation>kein Kunde namens {text!r}</translation>
    </message>
    <message>
        <source>several clients are named {text!r} (ids {ids}); use the id</source>
        <translation>mehrere Kunden heißen {text!r} (Nummern {ids}); verwenden Sie die Nummer</translation>
    </message>
    <message>
        <source>{option}: {value!r} is not an ISO date or date-time</source>
        <translation>{option}: {value!r} ist kein ISO-Datum und keine ISO-Uhrzeit</translation>
    </message>
    <message>
        <source>{option}: {value!r} is out of range: the year must be {years}</source>
        <translation>{option}: {value!r} liegt außerhalb des gültigen Bereichs: Das Jahr muss {years} sein</translation>
    </message>
    <message>
        <source>{clients} clients, {notes} notes, {promises} promises, {money_terms} money terms, {incidents} incidents, {requests} requests, {contacts} contact details, {tags} tags</source>
        <extracomment>Above these a demo is a mistake (a typo&apos;d zero), not a stress test. Notes are spread over this many days before now, so check-in health varies. Rows buffered per table before they are written: bounds memory, not statement size.</extracomment>
        <translation>{clients} Kunden, {notes} Notizen, {promises} Zusagen, {money_terms} Konditionen, {incidents} Vorfälle, {requests} Anfragen, {contacts} Kontaktangaben, {tags} Schlagwörter</translation>
    </message>
    <message>
        <source>number of {what} must be zero or more, not {value!r}</source>
        <translation>Anzahl {what} muss null oder mehr sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>number of {what} is too large ({value}; at most {limit})</source>
        <translation>Anzahl {what} ist zu groß ({value}; höchstens {limit})</translation>
    </message>
    <message>
        <source>notes and promises need at least one client</source>
        <translation>Notizen und Zusagen brauchen mindestens einen Kunden</translation>
    </message>
    <message>
        <source>a due is local time; leave out the offset</source>
        <extracomment>The deadlines of dues too far out to compute (stored by an earlier release).</extracomment>
        <translation>eine Fälligkeit ist Ortszeit; lassen Sie den Zeitversatz weg</translation>
    </message>
    <message>
        <source>{value!r} is not an ISO date or local date-time ({why})</source>
        <translation>{value!r} ist kein ISO-Datum und keine lokale Uhrzeit ({why})</translation>
    </message>
    <message>
        <source>{value!r} is out of range: the year must be {years}</source>
        <translation>{value!r} liegt außerhalb des gültigen Bereichs: Das Jahr muss {years} sein</translation>
    </message>
    <message>
        <source>{value!r} is {date}, out of range: the year must be {years}</source>
        <extracomment>The default end of business (``Settings.end_of_business``): what EOD and COB mean.</extracomment>
        <translation>{value!r} ist {date}, außerhalb des gültigen Bereichs: Das Jahr muss {years} sein</translation>
    </message>
    <message>
        <source>cannot read {value!r} as a due; use YYYY-MM-DD, YYYY-MM-DDTHH:MM or a phrase like &apos;next Friday 3pm&apos;</source>
        <translation>{value!r} ist als Fälligkeit nicht lesbar; verwenden Sie JJJJ-MM-TT, JJJJ-MM-TTTHH:MM oder eine englische Angabe wie &apos;next Friday 3pm&apos;</translation>
    </message>
    <message>
        <source>{written} read as {day} {month}: day first, as your locale writes dates</source>
        <translation>{written} gelesen als {day}. {month}: Tag zuerst, wie Ihr Gebietsschema Datumsangaben schreibt</translation>
    </message>
    <message>
        <source>{written} read as {day} {month}: month first, as your locale writes dates</source>
        <translation>{written} gelesen als {day}. {month}: Monat zuerst, wie Ihr Gebietsschema Datumsangaben schreibt</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <comment>month</comment>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
    <message>
        <source>name</source>
        <extracomment>Rows per INSERT: well under SQLite&apos;s limit on bound values. The client fields a record may carry (ClientInput&apos;s). Profile fields compared and updated one by one (lists are merged instead).</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>handling notes</source>
        <translation>Hinweise zum Umgang</translation>
    </message>
    <message>
        <source>client since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <source>attention level</source>
        <translation>Betreuungsstufe</translation>
    </message>
    <message>
        <source>check-in days</source>
        <translation>Kontaktrhythmus (Tage)</translation>
    </message>
    <message>
        <source>response hours</source>
        <translation>Antwortzeit (Stunden)</translation>
    </message>
    <message>
        <source>preferred channel</source>
        <translation>bevorzugter Kanal</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>pricing model</source>
        <translation>Preismodell</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>budget ceiling</source>
        <translation>Budgetobergrenze</translation>
    </message>
    <message>
        <source>payment terms (days)</source>
        <translation>Zahlungsbedingungen (Tage)</translation>
    </message>
    <message>
        <source>deposit</source>
        <translation>Anzahlung</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>discount condition</source>
        <translation>Rabattbedingung</translation>
    </message>
    <message>
        <source>in scope</source>
        <translation>im Umfang</translation>
    </message>
    <message>
        <source>out of scope</source>
        <translation>nicht im Umfang</translation>
    </message>
    <message>
        <source>agreed on</source>
        <translation>vereinbart am</translation>
    </message>
    <message>
        <source>confirmed by client</source>
        <translation>vom Kunden bestätigt</translation>
    </message>
    <message>
        <source>entry {entry}, line {line}</source>
        <translation>Eintrag {entry}, Zeile {line}</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>Zeile {line}</translation>
    </message>
    <message>
        <source>client {number}</source>
        <translation>Kunde {number}</translation>
    </message>
    <message>
        <source>{first} — nothing imported (skip invalid records to import the rest)</source>
        <extracomment>Called now and then with (records done, records in all); raises Cancelled to stop. New records that may be someone already here: the same name or phone as a live client, though not enough alike to be matched (one card per person: ``ckbook client merge`` or the card makes them one).</extracomment>
        <translation>{first} — nichts importiert (überspringen Sie ungültige Datensätze, um den Rest zu importieren)</translation>
    </message>
    <message>
        <source>{first}; 1 more invalid record — nothing imported (skip invalid records to import the rest)</source>
        <translation>{first}; 1 weiterer ungültiger Datensatz — nichts importiert (überspringen Sie ungültige Datensätze, um den Rest zu importieren)</translation>
    </message>
    <message numerus="yes">
        <source>{first}; %n more invalid records — nothing imported (skip invalid records to import the rest)</source>
        <translation>
            <numerusform>{first}; %n weiterer ungültiger Datensatz — nichts importiert (überspringen Sie ungültige Datensätze, um den Rest zu importieren)</numerusform>
            <numerusform>{first}; %n weitere ungültige Datensätze — nichts importiert (überspringen Sie ungültige Datensätze, um den Rest zu importieren)</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} new</source>
        <comment>import</comment>
        <translation>{count} neu</translation>
    </message>
    <message>
        <source>{count} updated</source>
        <comment>import</comment>
        <translation>{count} aktualisiert</translation>
    </message>
    <message>
        <source>{count} unchanged</source>
        <comment>import</comment>
        <translation>{count} unverändert</translation>
    </message>
    <message>
        <source>{count} skipped ({where}: {why}; {more} more)</source>
        <translation>{count} übersprungen ({where}: {why}; {more} weitere)</translation>
    </message>
    <message>
        <source>{count} skipped ({where}: {why})</source>
        <translation>{count} übersprungen ({where}: {why})</translation>
    </message>
    <message>
        <source>Would import nothing: 1 invalid record ({where}: {why}); the others: {counts}</source>
        <translation>Würde nichts importieren: 1 ungültiger Datensatz ({where}: {why}); die übrigen: {counts}</translation>
    </message>
    <message numerus="yes">
        <source>Would import nothing: %n invalid records ({where}: {why}); the others: {counts}</source>
        <translation>
            <numerusform>Würde nichts importieren: %n ungültiger Datensatz ({where}: {why}); die übrigen: {counts}</numerusform>
            <numerusform>Würde nichts importieren: %n ungültige Datensätze ({where}: {why}); die übrigen: {counts}</numerusform>
        </translation>
    </message>
    <message>
        <source>Would import: {counts}</source>
        <translation>Würde importieren: {counts}</translation>
    </message>
    <message>
        <source>Imported: {counts}</source>
        <translation>Importiert: {counts}</translation>
    </message>
    <message>
        <source>Would import: {counts}; 1 client may already be in the notebook</source>
        <translation>Würde importieren: {counts}; 1 Kunde ist vielleicht schon im Notizbuch</translation>
    </message>
    <message numerus="yes">
        <source>Would import: {counts}; %n clients may already be in the notebook</source>
        <translation>
            <numerusform>Würde importieren: {counts}; %n Kunde ist vielleicht schon im Notizbuch</numerusform>
            <numerusform>Würde importieren: {counts}; %n Kunden sind vielleicht schon im Notizbuch</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: {counts}; 1 client may already be in the notebook</source>
        <translation>Importiert: {counts}; 1 Kunde ist vielleicht schon im Notizbuch</translation>
    </message>
    <message numerus="yes">
        <source>Imported: {counts}; %n clients may already be in the notebook</source>
        <translation>
            <numerusform>Importiert: {counts}; %n Kunde ist vielleicht schon im Notizbuch</numerusform>
            <numerusform>Importiert: {counts}; %n Kunden sind vielleicht schon im Notizbuch</numerusform>
        </translation>
    </message>
    <message>
        <source>the same UID</source>
        <translation>dieselbe UID</translation>
    </message>
    <message>
        <source>the same name and email or phone</source>
        <translation>derselbe Name und dieselbe E-Mail-Adresse oder Telefonnummer</translation>
    </message>
    <message>
        <source>the same name and organisation</source>
        <translation>derselbe Name und dieselbe Organisation</translation>
    </message>
    <message>
        <source>email label</source>
        <translation>E-Mail-Bezeichnung</translation>
    </message>
    <message>
        <source>phone label</source>
        <translation>Telefonbezeichnung</translation>
    </message>
    <message>
        <source>money: {field}</source>
        <translation>Konditionen: {field}</translation>
    </message>
    <message>
        <source>same person as {where} ({rule})</source>
        <translation>dieselbe Person wie {where} ({rule})</translation>
    </message>
    <message>
        <source>client {id} was already matched by {where}</source>
        <translation>Kunde {id} wurde schon durch {where} zugeordnet</translation>
    </message>
    <message>
        <source>may be client {id}, {match}</source>
        <translation>ist vielleicht Kunde {id}, {match}</translation>
    </message>
    <message>
        <source>imported from a file</source>
        <translation>aus einer Datei importiert</translation>
    </message>
    <message numerus="yes">
        <source>No promise kept or broken in %n months</source>
        <translation>
            <numerusform>Keine Zusage eingehalten oder nicht eingehalten in %n Monat</numerusform>
            <numerusform>Keine Zusage eingehalten oder nicht eingehalten in %n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{rate} kept ({kept} of {total}) in %n months</source>
        <translation>
            <numerusform>{rate} eingehalten ({kept} von {total}) in %n Monat</numerusform>
            <numerusform>{rate} eingehalten ({kept} von {total}) in %n Monaten</numerusform>
        </translation>
    </message>
    <message>
        <source>No contact logged yet</source>
        <translation>Noch kein Kontakt erfasst</translation>
    </message>
    <message>
        <source>Last contact today</source>
        <translation>Letzter Kontakt heute</translation>
    </message>
    <message>
        <source>1 day since last contact</source>
        <translation>1 Tag seit dem letzten Kontakt</translation>
    </message>
    <message numerus="yes">
        <source>%n days since last contact</source>
        <translation>
            <numerusform>%n Tag seit dem letzten Kontakt</numerusform>
            <numerusform>%n Tage seit dem letzten Kontakt</numerusform>
        </translation>
    </message>
    <message>
        <source>{head} (no check-in cadence)</source>
        <translation>{head} (kein Kontaktrhythmus)</translation>
    </message>
    <message>
        <source>{head} (cadence 1 day)</source>
        <translation>{head} (Rhythmus 1 Tag)</translation>
    </message>
    <message numerus="yes">
        <source>{head} (cadence %n days)</source>
        <translation>
            <numerusform>{head} (Rhythmus %n Tag)</numerusform>
            <numerusform>{head} (Rhythmus %n Tage)</numerusform>
        </translation>
    </message>
    <message>
        <source>time to check in</source>
        <translation>Zeit für einen Kontakt</translation>
    </message>
    <message>
        <source>check-in overdue</source>
        <translation>Kontakt überfällig</translation>
    </message>
    <message>
        <source>Lead</source>
        <comment>client status</comment>
        <translation>Interessent</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>client status</comment>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>client status</comment>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Former</source>
        <comment>client status</comment>
        <translation>Ehemalig</translation>
    </message>
    <message>
        <source>1 open promise</source>
        <translation>1 offene Zusage</translation>
    </message>
    <message numerus="yes">
        <source>%n open promises</source>
        <translation>
            <numerusform>%n offene Zusage</numerusform>
            <numerusform>%n offene Zusagen</numerusform>
        </translation>
    </message>
    <message>
        <source>kept rate {rate}</source>
        <translation>Einhaltungsquote {rate}</translation>
    </message>
    <message>
        <source>1 open incident</source>
        <translation>1 offener Vorfall</translation>
    </message>
    <message numerus="yes">
        <source>%n open incidents</source>
        <translation>
            <numerusform>%n offener Vorfall</numerusform>
            <numerusform>%n offene Vorfälle</numerusform>
        </translation>
    </message>
    <message>
        <source>1 request awaiting reply</source>
        <translation>1 Anfrage ohne Antwort</translation>
    </message>
    <message numerus="yes">
        <source>%n requests awaiting reply</source>
        <translation>
            <numerusform>%n Anfrage ohne Antwort</numerusform>
            <numerusform>%n Anfragen ohne Antwort</numerusform>
        </translation>
    </message>
    <message>
        <source>{requests} ({overdue} overdue)</source>
        <translation>{requests} ({overdue} überfällig)</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 Monat</translation>
    </message>
    <message numerus="yes">
        <source>%n months</source>
        <translation>
            <numerusform>%n Monat</numerusform>
            <numerusform>%n Monaten</numerusform>
        </translation>
    </message>
    <message>
        <source>1 touchpoint in {months}</source>
        <translation>1 Kontakt in {months}</translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoints in {months}</source>
        <translation>
            <numerusform>%n Kontakt in {months}</numerusform>
            <numerusform>%n Kontakte in {months}</numerusform>
        </translation>
    </message>
    <message>
        <source>removed {file}</source>
        <translation>entfernt: {file}</translation>
    </message>
    <message>
        <source>installed {file}</source>
        <translation>installiert: {file}</translation>
    </message>
    <message>
        <source>up to date {file}</source>
        <translation>aktuell: {file}</translation>
    </message>
    <message>
        <source>left alone {file} (not written by ckbook; remove it to install ours)</source>
        <translation>nicht angetastet: {file} (nicht von ckbook geschrieben; entfernen Sie die Datei, um unsere zu installieren)</translation>
    </message>
    <message>
        <source>{low} to {high}{unit}</source>
        <translation>{low} bis {high}{unit}</translation>
    </message>
    <message>
        <source>{where}{what} must be {allowed}, not {value!r}</source>
        <translation>{where}{what} muss {allowed} sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>{what} {date} is out of range: the year must be {years}</source>
        <extracomment>``ckbook due --within``: promises due this many days ahead. ``ckbook search --limit``.</extracomment>
        <translation>{what} {date} liegt außerhalb des gültigen Bereichs: Das Jahr muss {years} sein</translation>
    </message>
    <message>
        <source>check-in cadence</source>
        <translation>Kontaktrhythmus</translation>
    </message>
    <message>
        <source>expected response time</source>
        <translation>erwartete Antwortzeit</translation>
    </message>
    <message>
        <source>remind before</source>
        <translation>Vorlauf der Erinnerung</translation>
    </message>
    <message>
        <source>note duration</source>
        <translation>Dauer der Notiz</translation>
    </message>
    <message>
        <source>year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>days ahead</source>
        <translation>Tage im Voraus</translation>
    </message>
    <message>
        <source>number of hits</source>
        <translation>Anzahl der Treffer</translation>
    </message>
    <message>
        <source>id</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>due</source>
        <comment>noun</comment>
        <translation>Fälligkeit</translation>
    </message>
    <message>
        <source>days</source>
        <comment>unit</comment>
        <translation>Tage</translation>
    </message>
    <message>
        <source>hours</source>
        <comment>unit</comment>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <comment>unit</comment>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>seconds</source>
        <comment>unit</comment>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>{who}: same {what}</source>
        <extracomment>Phones match on their last digits (a country prefix or a leading 0 written or not). The tables whose rows belong to a client through a ``client`` column, moved whole. (Typed Any: peewee&apos;s model classes share no typed ``id``/``client`` attributes.) What matched, in words: &quot;name&quot;, &quot;email ada@example.com&quot;, &quot;phone +44 20 7946 0000&quot;.</extracomment>
        <translation>{who}: Übereinstimmung bei {what}</translation>
    </message>
    <message>
        <source>email {value}</source>
        <translation>E-Mail {value}</translation>
    </message>
    <message>
        <source>phone {value}</source>
        <translation>Telefon {value}</translation>
    </message>
    <message>
        <source>cannot merge a client into itself: name two different clients</source>
        <extracomment>(table, row ids moved from OTHER to KEEP) money terms renumbered: (row id, client before, version before)</extracomment>
        <translation>ein Kunde kann nicht mit sich selbst zusammengeführt werden: Nennen Sie zwei verschiedene Kunden</translation>
    </message>
    <message>
        <source>the merged client is gone for good; the merge cannot be undone</source>
        <translation>der zusammengeführte Kunde ist endgültig entfernt; die Zusammenführung lässt sich nicht rückgängig machen</translation>
    </message>
    <message>
        <source>note is too long ({length} characters; at most {most})</source>
        <extracomment>The longest note body, in characters (after cleaning): the editor refuses a paste beyond it. Who wrote it (None: written before authors were kept).</extracomment>
        <translation>die Notiz ist zu lang ({length} Zeichen; höchstens {most})</translation>
    </message>
    <message>
        <source>promise text</source>
        <translation>Text der Zusage</translation>
    </message>
    <message>
        <source>status {status!r} is not one of: {statuses}</source>
        <translation>Status {status!r} ist keiner dieser Werte: {statuses}</translation>
    </message>
    <message>
        <source>promise {record} is not a recorded occurrence of {promise}</source>
        <translation>Zusage {record} ist kein erfasstes Vorkommen von {promise}</translation>
    </message>
    <message>
        <source>promise {promise} is {status}, not open</source>
        <translation>Zusage {promise} ist {status}, nicht offen</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fälligkeit</translation>
    </message>
    <message>
        <source>Remind before</source>
        <translation>Erinnern vorher</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Promise “{text}”</source>
        <translation>Zusage „{text}“</translation>
    </message>
    <message>
        <source>{rule!r} is not a repeat rule (RRULE), e.g. FREQ=WEEKLY;BYDAY=MO</source>
        <extracomment>How far ahead a rule&apos;s next occurrence is looked for; past it the series has ended.</extracomment>
        <translation>{rule!r} ist keine Wiederholungsregel (RRULE), z. B. FREQ=WEEKLY;BYDAY=MO</translation>
    </message>
    <message>
        <source>{rule!r} is not a repeat rule (RRULE): {why}</source>
        <translation>{rule!r} ist keine Wiederholungsregel (RRULE): {why}</translation>
    </message>
    <message>
        <source>every quarter (on its last day)</source>
        <translation>jedes Quartal (am letzten Tag)</translation>
    </message>
    <message>
        <source>every quarter</source>
        <translation>jedes Quartal</translation>
    </message>
    <message>
        <source>every weekday</source>
        <translation>jeden Werktag</translation>
    </message>
    <message>
        <source>every {days}</source>
        <comment>weekdays</comment>
        <translation>jeden {days}</translation>
    </message>
    <message>
        <source>every other {days}</source>
        <comment>weekdays</comment>
        <translation>jeden zweiten {days}</translation>
    </message>
    <message>
        <source>every {n} {days}</source>
        <comment>weekdays</comment>
        <translation>jeden {n}. {days}</translation>
    </message>
    <message>
        <source>the last day</source>
        <comment>of the month</comment>
        <translation>letzten Tag</translation>
    </message>
    <message>
        <source>{every} on the {day}</source>
        <comment>of the month</comment>
        <translation>{every} am {day}</translation>
    </message>
    <message>
        <source>{rule} until {date}</source>
        <translation>{rule} bis {date}</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>jeden Tag</translation>
    </message>
    <message>
        <source>every other day</source>
        <translation>jeden zweiten Tag</translation>
    </message>
    <message numerus="yes">
        <source>every %n days</source>
        <translation>
            <numerusform>alle %n Tage</numerusform>
            <numerusform>alle %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>every week</source>
        <translation>jede Woche</translation>
    </message>
    <message>
        <source>every other week</source>
        <translation>jede zweite Woche</translation>
    </message>
    <message numerus="yes">
        <source>every %n weeks</source>
        <translation>
            <numerusform>alle %n Wochen</numerusform>
            <numerusform>alle %n Wochen</numerusform>
        </translation>
    </message>
    <message>
        <source>every month</source>
        <translation>jeden Monat</translation>
    </message>
    <message>
        <source>every other month</source>
        <translation>jeden zweiten Monat</translation>
    </message>
    <message numerus="yes">
        <source>every %n months</source>
        <translation>
            <numerusform>alle %n Monate</numerusform>
            <numerusform>alle %n Monate</numerusform>
        </translation>
    </message>
    <message>
        <source>every year</source>
        <translation>jedes Jahr</translation>
    </message>
    <message>
        <source>every other year</source>
        <translation>jedes zweite Jahr</translation>
    </message>
    <message numerus="yes">
        <source>every %n years</source>
        <translation>
            <numerusform>alle %n Jahre</numerusform>
            <numerusform>alle %n Jahre</numerusform>
        </translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>{days} and {day}</source>
        <translation>{days} und {day}</translation>
    </message>
    <message>
        <source>{n}th</source>
        <comment>ordinal</comment>
        <translation>{n}.</translation>
    </message>
    <message>
        <source>{n}st</source>
        <comment>ordinal</comment>
        <translation>{n}.</translation>
    </message>
    <message>
        <source>{n}nd</source>
        <comment>ordinal</comment>
        <translation>{n}.</translation>
    </message>
    <message>
        <source>{n}rd</source>
        <comment>ordinal</comment>
        <translation>{n}.</translation>
    </message>
    <message>
        <source>Promise due {when}</source>
        <extracomment>A timed due reminds this long before by default. A date-only due reminds at this local time on its day. A claim to show a reminder that was not confirmed shown within this long belongs to a process that died between claiming and showing: another (or the next start) may take it over. Showing takes milliseconds, so a live process never loses its claim to this. Claimed (at ``fired_at``) and not yet confirmed shown.</extracomment>
        <translation>Zusage fällig {when}</translation>
    </message>
    <message>
        <source>Promise overdue</source>
        <translation>Zusage überfällig</translation>
    </message>
    <message>
        <source>{client}: {text} (was due {when})</source>
        <translation>{client}: {text} (war fällig {when})</translation>
    </message>
    <message>
        <source>{client} has not heard from you since {day}</source>
        <translation>{client} hat seit {day} nichts von Ihnen gehört</translation>
    </message>
    <message>
        <source>{client}: no contact logged since they became a client on {day}</source>
        <translation>{client}: kein Kontakt erfasst seit Beginn der Kundenbeziehung am {day}</translation>
    </message>
    <message>
        <source>Time to check in</source>
        <translation>Zeit für einen Kontakt</translation>
    </message>
    <message>
        <source>Message awaiting your reply</source>
        <translation>Anfrage wartet auf Ihre Antwort</translation>
    </message>
    <message>
        <source>unknown snooze {choice!r}: use 15m, 1h or tomorrow</source>
        <translation>unbekannte Zurückstellung {choice!r}: verwenden Sie 15m, 1h oder tomorrow</translation>
    </message>
    <message>
        <source>1 promise came due</source>
        <translation>1 Zusage wurde fällig</translation>
    </message>
    <message numerus="yes">
        <source>%n promises came due</source>
        <translation>
            <numerusform>%n Zusage wurde fällig</numerusform>
            <numerusform>%n Zusagen wurden fällig</numerusform>
        </translation>
    </message>
    <message>
        <source>1 client is overdue for a check-in</source>
        <translation>1 Kunde ist für einen Kontakt überfällig</translation>
    </message>
    <message numerus="yes">
        <source>%n clients are overdue for a check-in</source>
        <translation>
            <numerusform>%n Kunde ist für einen Kontakt überfällig</numerusform>
            <numerusform>%n Kunden sind für einen Kontakt überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message awaits your reply</source>
        <translation>1 Anfrage wartet auf Ihre Antwort</translation>
    </message>
    <message numerus="yes">
        <source>%n messages await your reply</source>
        <translation>
            <numerusform>%n Anfrage wartet auf Ihre Antwort</numerusform>
            <numerusform>%n Anfragen warten auf Ihre Antwort</numerusform>
        </translation>
    </message>
    <message>
        <source>While you were away: {what}</source>
        <translation>Während Sie weg waren: {what}</translation>
    </message>
    <message>
        <source>reminder {key} no longer applies</source>
        <extracomment>Whose reminders it holds (``all_occurrences``); None: everyone&apos;s. ``base.notebook_stamp()`` when what it holds was last known current (set by the caller, which knows which writes it heard of). A promise&apos;s overdue instant: once past, its coming-due reminder is stale for good.</extracomment>
        <translation>Erinnerung {key} gilt nicht mehr</translation>
    </message>
    <message>
        <source>1 client</source>
        <extracomment>Tables in the order their rows can be written (every row a foreign key names comes first).</extracomment>
        <translation>1 Kunde</translation>
    </message>
    <message numerus="yes">
        <source>%n clients</source>
        <translation>
            <numerusform>%n Kunde</numerusform>
            <numerusform>%n Kunden</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} clients</source>
        <translation>{count} Kunden</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>reminder records</source>
        <translation>Erinnerungseinträge</translation>
    </message>
    <message>
        <source>the notebook already has {held}; a full export restores only into an empty notebook (open a new one with --db NEW-FILE), or import the clients as vCard or CSV, which matches and updates the ones you have</source>
        <translation>das Notizbuch enthält schon {held}; ein vollständiger Export lässt sich nur in ein leeres Notizbuch wiederherstellen (öffnen Sie ein neues mit --db NEUE-DATEI), oder importieren Sie die Kunden als vCard oder CSV, was vorhandene zuordnet und aktualisiert</translation>
    </message>
    <message>
        <source>there is no setting called {name!r}</source>
        <extracomment>The colour schemes the window can use; &quot;system&quot; follows the desktop&apos;s light/dark setting. Longest sensible default remind-before: one week (the same limit as a promise&apos;s own). Whether the user was told once that closing the window keeps ckbook in the tray. What &quot;EOD&quot;, &quot;COB&quot;, &quot;close of business&quot; and &quot;end of play&quot; mean in a promise line. Per kind of reminder: sent as resident and critical, so it stays on screen until the user acts on it (what is late by default; what is only coming up may expire like any pop-up). Who writes on this notebook file (&quot;&quot;: the operating system&apos;s user name); a server notebook knows its people by their database roles instead. Team mode: get the reminders of everyone&apos;s promises, not only of my own. Settings each person of a team keeps for themselves.</extracomment>
        <translation>es gibt keine Einstellung namens {name!r}</translation>
    </message>
    <message>
        <source>quiet hours start and end are the same time; pick two different times</source>
        <translation>Beginn und Ende der Ruhezeit sind gleich; wählen Sie zwei verschiedene Uhrzeiten</translation>
    </message>
    <message>
        <source>{what} is not valid UTF-8 text ({shown}); retype it</source>
        <extracomment>Line breaks other than LF that a block keeps as LF (and a line turns into a space). Removed from every text: controls other than tab and LF (C0, DEL, C1) and the bidirectional embeddings, overrides and isolates. Tab and LF are handled by the caller&apos;s shape (kept in a block, a space in a line). Letters and symbols that render as nothing (Hangul fillers, braille blank, Khmer inherent vowels, the combining grapheme joiner): a name made of them is invisible. Unicode categories that draw nothing by themselves: separators, controls, formats (the direction marks among them), surrogates, unassigned, and combining marks with no base.</extracomment>
        <translation>{what} ist kein gültiger UTF-8-Text ({shown}); geben Sie es neu ein</translation>
    </message>
    <message>
        <source>{what} is empty</source>
        <translation>{what} ist leer</translation>
    </message>
    <message>
        <source>{what} has no visible character</source>
        <translation>{what} enthält kein sichtbares Zeichen</translation>
    </message>
    <message>
        <source>{what} is too long ({length} characters; at most {most})</source>
        <translation>{what} ist zu lang ({length} Zeichen; höchstens {most})</translation>
    </message>
    <message>
        <source>the copy of table {table} differs from the notebook ({rows} rows, sha256 {checksum}… instead of {expected_rows}, {expected_checksum}…); nothing was kept</source>
        <extracomment>Rows read and written at a time: bounded memory whatever the notebook&apos;s size. Field kinds each database keeps in its own way (SQLite as text or 0/1, PostgreSQL as types). Not content: the log a window polls to see others&apos; changes (migration 0006). A new notebook starts with none; what the target&apos;s triggers log while the rows go in is dropped.</extracomment>
        <translation>die Kopie der Tabelle {table} weicht vom Notizbuch ab ({rows} Zeilen, sha256 {checksum}… statt {expected_rows}, {expected_checksum}…); nichts wurde behalten</translation>
    </message>
    <message>
        <source>{notebook} already holds a notebook ({tables} rows…); migrate-to copies only into an empty database — nothing was copied</source>
        <translation>{notebook} enthält schon ein Notizbuch (Zeilen in {tables}…); migrate-to kopiert nur in eine leere Datenbank — nichts wurde kopiert</translation>
    </message>
    <message>
        <source>{notebook} is the notebook itself; name another database</source>
        <translation>{notebook} ist das Notizbuch selbst; nennen Sie eine andere Datenbank</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist; nothing was created (check the path)</source>
        <extracomment>For a notebook opened read-only: nothing that would write the file (journal mode is the file&apos;s). ``PRAGMA application_id`` of a notebook (&quot;ckbk&quot;), set when ckbook creates the file. PostgreSQL&apos;s ``server_version_num`` of the oldest server ckbook supports (13.0). Seconds to wait for a server that does not answer (libpq&apos;s default is forever). ``pg_advisory_lock`` key held while migrations run, so two first starts do not race (&quot;ckbk&quot;). The file did not exist (or was empty) and this open made it a new notebook. The file or its folder cannot be written: the notebook is open for reading only. The notebook file this process has open (exports and backups never write over it).</extracomment>
        <translation>der Ordner {folder} existiert nicht; nichts wurde angelegt (prüfen Sie den Pfad)</translation>
    </message>
    <message>
        <source>{file} is a folder, not a database file</source>
        <translation>{file} ist ein Ordner, keine Datenbankdatei</translation>
    </message>
    <message>
        <source>no notebook at {file} (nothing was created; check the path)</source>
        <translation>kein Notizbuch unter {file} (nichts wurde angelegt; prüfen Sie den Pfad)</translation>
    </message>
    <message>
        <source>{file} is not a ckbook database (not a SQLite file)</source>
        <translation>{file} ist keine ckbook-Datenbank (keine SQLite-Datei)</translation>
    </message>
    <message>
        <source>{file} is damaged: cut short at {size} bytes</source>
        <translation>{file} ist beschädigt: nach {size} Bytes abgeschnitten</translation>
    </message>
    <message>
        <source>{file} is damaged: cut short ({actual} of {expected} bytes are there)</source>
        <translation>{file} ist beschädigt: abgeschnitten ({actual} von {expected} Bytes sind vorhanden)</translation>
    </message>
    <message>
        <source>{file} cannot be read as a database: {why}</source>
        <translation>{file} kann nicht als Datenbank gelesen werden: {why}</translation>
    </message>
    <message>
        <source>cannot create the database at {file}: {why}</source>
        <translation>die Datenbank unter {file} kann nicht angelegt werden: {why}</translation>
    </message>
    <message>
        <source>{file} is a SQLite database of another program, not a ckbook notebook; it was not changed</source>
        <translation>{file} ist eine SQLite-Datenbank eines anderen Programms, kein ckbook-Notizbuch; sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>{notebook} was written by a newer ckbook (schema step {step}); update ckbook to open it. The file was not changed.</source>
        <translation>{notebook} wurde von einem neueren ckbook geschrieben (Schemaschritt {step}); aktualisieren Sie ckbook, um es zu öffnen. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>{notebook} is read-only and was made by an older ckbook: it needs an upgrade ({step}) that cannot be written. Make it writable once, or open a copy.</source>
        <translation>{notebook} ist schreibgeschützt und stammt von einem älteren ckbook: Es braucht ein Upgrade ({step}), das nicht geschrieben werden kann. Machen Sie es einmal beschreibbar, oder öffnen Sie eine Kopie.</translation>
    </message>
    <message>
        <source>{notebook} cannot be read as a database: {why}</source>
        <translation>{notebook} kann nicht als Datenbank gelesen werden: {why}</translation>
    </message>
    <message>
        <source>cannot open {notebook}: ckbook opens a notebook file or a PostgreSQL server (postgresql://user@host/dbname)</source>
        <translation>{notebook} kann nicht geöffnet werden: ckbook öffnet eine Notizbuchdatei oder einen PostgreSQL-Server (postgresql://user@host/dbname)</translation>
    </message>
    <message>
        <source>cannot open {notebook}: the PostgreSQL driver (psycopg) is not installed; install ckbook&apos;s team extra: {hint}</source>
        <translation>{notebook} kann nicht geöffnet werden: Der PostgreSQL-Treiber (psycopg) ist nicht installiert; installieren Sie ckbooks Team-Erweiterung: {hint}</translation>
    </message>
    <message>
        <source>cannot open {notebook}: {why}</source>
        <translation>{notebook} kann nicht geöffnet werden: {why}</translation>
    </message>
    <message>
        <source>cannot open {notebook}: the URL names no database (…/dbname at its end)</source>
        <translation>{notebook} kann nicht geöffnet werden: Die URL nennt keine Datenbank (…/dbname am Ende)</translation>
    </message>
    <message>
        <source>cannot connect to {notebook}: {reason}</source>
        <translation>keine Verbindung zu {notebook}: {reason}</translation>
    </message>
    <message>
        <source>cannot connect to {notebook}: the server asks for a password and the system keyring cannot be used ({reason})</source>
        <translation>keine Verbindung zu {notebook}: Der Server verlangt ein Passwort, und der Schlüsselbund des Systems ist nicht nutzbar ({reason})</translation>
    </message>
    <message>
        <source>cannot connect to {notebook}: the server asks for a password and none is stored in the system keyring; store it with: ckbook team login {notebook}</source>
        <translation>keine Verbindung zu {notebook}: Der Server verlangt ein Passwort, und im Schlüsselbund des Systems ist keines abgelegt; legen Sie es ab mit: ckbook team login {notebook}</translation>
    </message>
    <message>
        <source>cannot connect to {notebook}: the server refused the password kept in the system keyring; store the right one with: ckbook team login {notebook}</source>
        <translation>keine Verbindung zu {notebook}: Der Server hat das Passwort aus dem Schlüsselbund des Systems abgelehnt; legen Sie das richtige ab mit: ckbook team login {notebook}</translation>
    </message>
    <message>
        <source>{notebook} runs PostgreSQL {postgres_version}; ckbook needs PostgreSQL 13 or newer</source>
        <translation>{notebook} läuft mit PostgreSQL {postgres_version}; ckbook braucht PostgreSQL 13 oder neuer</translation>
    </message>
    <message>
        <source>{notebook} holds tables of another program, not a ckbook notebook; it was not changed</source>
        <translation>{notebook} enthält Tabellen eines anderen Programms, kein ckbook-Notizbuch; es wurde nichts verändert</translation>
    </message>
    <message>
        <source>no notebook at {notebook} yet (the database is empty; nothing was created)</source>
        <translation>noch kein Notizbuch unter {notebook} (die Datenbank ist leer; nichts wurde angelegt)</translation>
    </message>
    <message>
        <source>{notebook} was written by a newer ckbook (schema step {step}); update ckbook to open it. The database was not changed.</source>
        <translation>{notebook} wurde von einem neueren ckbook geschrieben (Schemaschritt {step}); aktualisieren Sie ckbook, um es zu öffnen. Die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>{notebook} needs an upgrade ({step}) and your role may only read it; ask the notebook&apos;s owner to open it once with this ckbook</source>
        <translation>{notebook} braucht ein Upgrade ({step}), und Ihre Rolle darf es nur lesen; bitten Sie den Eigentümer des Notizbuchs, es einmal mit diesem ckbook zu öffnen</translation>
    </message>
    <message>
        <source>cannot open the notebook at {notebook}: {why}</source>
        <translation>das Notizbuch unter {notebook} kann nicht geöffnet werden: {why}</translation>
    </message>
    <message>
        <source>disk full</source>
        <extracomment>SQLite&apos;s primary result codes (``sqlite3.Error.sqlite_errorname`` without the extended part). Operating-system errors met while writing files ourselves (exports, backups, recovery files). PostgreSQL&apos;s SQLSTATE (psycopg&apos;s ``Error.sqlstate``), by class (first two characters) or whole. Only for errors that carry no code (a peewee error built from text, an older driver).</extracomment>
        <translation>Datenträger voll</translation>
    </message>
    <message>
        <source>database busy</source>
        <translation>Datenbank belegt</translation>
    </message>
    <message>
        <source>database is read-only</source>
        <translation>Datenbank ist schreibgeschützt</translation>
    </message>
    <message>
        <source>database file is damaged</source>
        <translation>Datenbankdatei ist beschädigt</translation>
    </message>
    <message>
        <source>not a ckbook database</source>
        <translation>keine ckbook-Datenbank</translation>
    </message>
    <message>
        <source>disk error</source>
        <translation>Datenträgerfehler</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>nicht erlaubt</translation>
    </message>
    <message>
        <source>server unreachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>the disk is full — what you typed is kept and will be saved when space is freed</source>
        <translation>der Datenträger ist voll — Ihre Eingabe bleibt erhalten und wird gespeichert, sobald wieder Platz frei ist</translation>
    </message>
    <message>
        <source>another program holds the notebook — try again in a moment</source>
        <translation>ein anderes Programm belegt das Notizbuch — versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <source>the notebook or its folder is read-only — nothing can be saved</source>
        <translation>das Notizbuch oder sein Ordner ist schreibgeschützt — es kann nichts gespeichert werden</translation>
    </message>
    <message>
        <source>the notebook file is damaged — restore it from a backup (ckbook backup --list, ckbook restore FILE)</source>
        <translation>die Notizbuchdatei ist beschädigt — stellen Sie sie aus einer Sicherung wieder her (ckbook backup --list, ckbook restore DATEI)</translation>
    </message>
    <message>
        <source>the file is not a ckbook notebook</source>
        <translation>die Datei ist kein ckbook-Notizbuch</translation>
    </message>
    <message>
        <source>the disk reported an error reading or writing the notebook</source>
        <translation>der Datenträger hat beim Lesen oder Schreiben des Notizbuchs einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>your database role may not make this change — ask the notebook&apos;s owner for the rights (ckbook team grant)</source>
        <translation>Ihre Datenbankrolle darf diese Änderung nicht vornehmen — bitten Sie den Eigentümer des Notizbuchs um die Rechte (ckbook team grant)</translation>
    </message>
    <message>
        <source>the notebook&apos;s server cannot be reached — what you typed is kept; try again when it is back</source>
        <translation>der Server des Notizbuchs ist nicht erreichbar — Ihre Eingabe bleibt erhalten; versuchen Sie es wieder, wenn er zurück ist</translation>
    </message>
    <message>
        <source>integrity: {found}</source>
        <extracomment>Schema steps this ckbook does not know: the file was written by a newer one. Search indexes (FTS tables) found out of step with what they index. Those indexes were rebuilt from the notebook&apos;s own rows (``check`` repairs them).</extracomment>
        <translation>Integrität: {found}</translation>
    </message>
    <message numerus="yes">
        <source>%n rows pointing at missing rows</source>
        <translation>
            <numerusform>%n Zeile verweist auf fehlende Zeilen</numerusform>
            <numerusform>%n Zeilen verweisen auf fehlende Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>written by a newer ckbook (schema step {step}); update ckbook</source>
        <translation>von einem neueren ckbook geschrieben (Schemaschritt {step}); aktualisieren Sie ckbook</translation>
    </message>
    <message>
        <source>search index out of step: {indexes}</source>
        <translation>Suchindex nicht aktuell: {indexes}</translation>
    </message>
    <message>
        <source>ok</source>
        <comment>check</comment>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>PROBLEMS FOUND</source>
        <translation>PROBLEME GEFUNDEN</translation>
    </message>
    <message>
        <source>rows pointing at missing rows: {count}</source>
        <translation>Zeilen mit Verweis auf fehlende Zeilen: {count}</translation>
    </message>
    <message>
        <source>none</source>
        <comment>schema</comment>
        <translation>keins</translation>
    </message>
    <message>
        <source>schema: {step}</source>
        <translation>Schema: {step}</translation>
    </message>
    <message>
        <source>upgrade pending: {steps}</source>
        <translation>Upgrade ausstehend: {steps}</translation>
    </message>
    <message>
        <source>written by a newer ckbook: {steps}</source>
        <translation>von einem neueren ckbook geschrieben: {steps}</translation>
    </message>
    <message>
        <source>search index: ok</source>
        <translation>Suchindex: in Ordnung</translation>
    </message>
    <message>
        <source>search index: out of step in {indexes}; rebuilt</source>
        <translation>Suchindex: nicht aktuell in {indexes}; neu aufgebaut</translation>
    </message>
    <message>
        <source>search index: out of step in {indexes}; not repaired (read-only)</source>
        <translation>Suchindex: nicht aktuell in {indexes}; nicht repariert (schreibgeschützt)</translation>
    </message>
    <message>
        <source>the notebook&apos;s data is damaged: restore a backup (ckbook backup --list, then ckbook restore FILE); the damaged file is kept as a safety copy</source>
        <translation>die Daten des Notizbuchs sind beschädigt: Stellen Sie eine Sicherung wieder her (ckbook backup --list, dann ckbook restore DATEI); die beschädigte Datei bleibt als Sicherheitskopie erhalten</translation>
    </message>
    <message>
        <source>backup and restore work on notebook files; back a server up with its own tools (pg_dump), or copy it to a file with ckbook migrate-to FILE</source>
        <translation>Sichern und Wiederherstellen gelten für Notizbuchdateien; sichern Sie einen Server mit seinen eigenen Werkzeugen (pg_dump) oder kopieren Sie ihn mit ckbook migrate-to DATEI in eine Datei</translation>
    </message>
    <message>
        <source>no notebook at {file}</source>
        <translation>kein Notizbuch unter {file}</translation>
    </message>
    <message>
        <source>{file} cannot be read as a ckbook database: {why}</source>
        <translation>{file} kann nicht als ckbook-Datenbank gelesen werden: {why}</translation>
    </message>
    <message>
        <source>{file} is a SQLite database of another program, not a ckbook notebook</source>
        <translation>{file} ist eine SQLite-Datenbank eines anderen Programms, kein ckbook-Notizbuch</translation>
    </message>
    <message>
        <source>{notebook} holds no ckbook notebook</source>
        <translation>{notebook} enthält kein ckbook-Notizbuch</translation>
    </message>
    <message>
        <source>cannot write the backup to {file}: {why}</source>
        <translation>die Sicherung kann nicht nach {file} geschrieben werden: {why}</translation>
    </message>
    <message>
        <source>the backup at {file} failed its check: {problem}</source>
        <translation>die Sicherung unter {file} hat die Prüfung nicht bestanden: {problem}</translation>
    </message>
    <message>
        <source>{file} is not a file</source>
        <translation>{file} ist keine Datei</translation>
    </message>
    <message>
        <source>{file} is the notebook itself; restore a backup, not the notebook</source>
        <translation>{file} ist das Notizbuch selbst; stellen Sie eine Sicherung wieder her, nicht das Notizbuch</translation>
    </message>
    <message>
        <source>{file} is not a ckbook notebook (no schema history)</source>
        <translation>{file} ist kein ckbook-Notizbuch (kein Schemaverlauf)</translation>
    </message>
    <message>
        <source>{file} is damaged: {problem}</source>
        <translation>{file} ist beschädigt: {problem}</translation>
    </message>
    <message>
        <source>{file} was written by a newer ckbook (schema step {step}); update ckbook to restore it. Nothing was changed.</source>
        <translation>{file} wurde von einem neueren ckbook geschrieben (Schemaschritt {step}); aktualisieren Sie ckbook, um es wiederherzustellen. Nichts wurde verändert.</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 Notiz</translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n Notiz</numerusform>
            <numerusform>%n Notizen</numerusform>
        </translation>
    </message>
    <message>
        <source>1 promise</source>
        <translation>1 Zusage</translation>
    </message>
    <message numerus="yes">
        <source>%n promises</source>
        <translation>
            <numerusform>%n Zusage</numerusform>
            <numerusform>%n Zusagen</numerusform>
        </translation>
    </message>
    <message>
        <source>This file is not a ckbook notebook (it is not even a database). Check that the path is the one you meant.</source>
        <translation>Diese Datei ist kein ckbook-Notizbuch (nicht einmal eine Datenbank). Prüfen Sie, ob der Pfad der gemeinte ist.</translation>
    </message>
    <message>
        <source>This file is a database of another program, not a ckbook notebook. ckbook did not change it. Check that the path is the one you meant.</source>
        <translation>Diese Datei ist eine Datenbank eines anderen Programms, kein ckbook-Notizbuch. ckbook hat sie nicht verändert. Prüfen Sie, ob der Pfad der gemeinte ist.</translation>
    </message>
    <message>
        <source>This notebook was written by a newer version of ckbook. Update ckbook to open it; the file was not changed.</source>
        <translation>Dieses Notizbuch wurde von einer neueren Version von ckbook geschrieben. Aktualisieren Sie ckbook, um es zu öffnen; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This notebook file is damaged (it may have been cut short or overwritten). ckbook did not change it. You can restore the newest good backup; the damaged file is kept beside it.</source>
        <translation>Diese Notizbuchdatei ist beschädigt (sie wurde vielleicht abgeschnitten oder überschrieben). ckbook hat sie nicht verändert. Sie können die neueste gute Sicherung wiederherstellen; die beschädigte Datei bleibt daneben erhalten.</translation>
    </message>
    <message>
        <source>This notebook file cannot be read (its permissions or the disk refuse it). ckbook did not change it. Fix the permissions, or restore the newest good backup; the unreadable file is kept beside it.</source>
        <translation>Diese Notizbuchdatei kann nicht gelesen werden (Zugriffsrechte oder Datenträger verweigern es). ckbook hat sie nicht verändert. Korrigieren Sie die Zugriffsrechte oder stellen Sie die neueste gute Sicherung wieder her; die unlesbare Datei bleibt daneben erhalten.</translation>
    </message>
    <message>
        <source>{file} is the notebook itself (or a file SQLite keeps beside it); choose another file — nothing was written</source>
        <extracomment>Files that belong to a SQLite database beside the database file itself.</extracomment>
        <translation>{file} ist das Notizbuch selbst (oder eine Datei, die SQLite daneben führt); wählen Sie eine andere Datei — nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>{file} is a folder; name a file in it — nothing was written</source>
        <translation>{file} ist ein Ordner; nennen Sie eine Datei darin — nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist — nothing was written</source>
        <translation>der Ordner {folder} existiert nicht — nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>cannot use {file}: {why}</source>
        <translation>{file} kann nicht verwendet werden: {why}</translation>
    </message>
    <message>
        <source>{file} is not a regular file (a device, pipe or socket); nothing was written</source>
        <translation>{file} ist keine normale Datei (ein Gerät, eine Pipe oder ein Socket); nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>{file} is a SQLite database (perhaps a notebook); an export never replaces one — choose another file</source>
        <translation>{file} ist eine SQLite-Datenbank (vielleicht ein Notizbuch); ein Export ersetzt nie eine — wählen Sie eine andere Datei</translation>
    </message>
    <message>
        <source>{file} already exists; choose another name or allow replacing it (--overwrite) — nothing was written</source>
        <translation>{file} existiert bereits; wählen Sie einen anderen Namen oder erlauben Sie das Ersetzen (--overwrite) — nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>no free name for {file} — nothing was written</source>
        <translation>kein freier Name für {file} — nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>cannot write {file}: {why}</source>
        <translation>{file} kann nicht geschrieben werden: {why}</translation>
    </message>
    <message>
        <source>{file} appeared while writing; nothing was replaced</source>
        <translation>{file} ist während des Schreibens aufgetaucht; nichts wurde ersetzt</translation>
    </message>
    <message>
        <source>{name!r} is not a role name</source>
        <translation>{name!r} ist kein Rollenname</translation>
    </message>
    <message>
        <source>this database holds no ckbook notebook yet (no client table)</source>
        <translation>diese Datenbank enthält noch kein ckbook-Notizbuch (keine Kundentabelle)</translation>
    </message>
    <message>
        <source>rights are the server&apos;s: ckbook team works on a notebook on a PostgreSQL server (--db postgresql://…); a notebook file is its owner&apos;s alone</source>
        <translation>Rechte verwaltet der Server: ckbook team gilt für ein Notizbuch auf einem PostgreSQL-Server (--db postgresql://…); eine Notizbuchdatei gehört allein ihrem Eigentümer</translation>
    </message>
    <message>
        <source>{role} owns the notebook&apos;s tables; its rights cannot be revoked</source>
        <translation>{role} ist Eigentümer der Tabellen des Notizbuchs; seine Rechte lassen sich nicht entziehen</translation>
    </message>
    <message>
        <source>none</source>
        <comment>columns</comment>
        <extracomment>Characters that make a spreadsheet read a cell as a formula (RELIABILITY #13). Our export&apos;s columns, in order. A phone number that is only digits and the marks phone numbers use: no formula can hide in it, so it is written as it is and a spreadsheet shows ``+49 30 1234`` without a quote mark. Outlook&apos;s and Google&apos;s headers in German, French and Spanish, as the English ones they are. Outlook&apos;s and Google&apos;s address parts, per address kind, in reading order.</extracomment>
        <translation>keine</translation>
    </message>
    <message>
        <source>the header row names no client column (name, first/last name, company or email); columns found: {columns} (name them with --map FIELD=COLUMN)</source>
        <translation>die Kopfzeile nennt keine Kundenspalte (Name, Vor-/Nachname, Firma oder E-Mail); gefundene Spalten: {columns} (benennen Sie sie mit --map FIELD=COLUMN)</translation>
    </message>
    <message>
        <source>--map: {field!r} is not a field; fields: {fields}</source>
        <extracomment>What ``--map FIELD=COLUMN`` may name, and where it goes. Google&apos;s &quot;E-mail 1 - Label&quot; / &quot;Phone 2 - Type&quot; columns (the label of the value beside them). Outlook&apos;s column names say the label (after the German/French/Spanish aliases). value column -&gt; its label: (&quot;column&quot;, index of the label column) or (&quot;fixed&quot;, label)</extracomment>
        <translation>--map: {field!r} ist kein Feld; Felder: {fields}</translation>
    </message>
    <message>
        <source>--map: no column named {column!r}; columns: {shown}</source>
        <translation>--map: keine Spalte namens {column!r}; Spalten: {shown}</translation>
    </message>
    <message>
        <source>has {count} fields but the header names {width}: {extra} would be lost (a value with the delimiter in it that is not in quotes?)</source>
        <translation>hat {count} Felder, die Kopfzeile nennt aber {width}: {extra} ginge verloren (ein Wert mit dem Trennzeichen darin, der nicht in Anführungszeichen steht?)</translation>
    </message>
    <message>
        <source>has {fields} but the header names {width} (a line break in a value that is not in quotes?)</source>
        <translation>hat {fields}, die Kopfzeile nennt aber {width} (ein Zeilenumbruch in einem Wert, der nicht in Anführungszeichen steht?)</translation>
    </message>
    <message>
        <source>the file is empty (a header row is needed)</source>
        <translation>die Datei ist leer (eine Kopfzeile ist nötig)</translation>
    </message>
    <message>
        <source>line 1: {why}</source>
        <translation>Zeile 1: {why}</translation>
    </message>
    <message>
        <source>not readable as CSV: {why}</source>
        <translation>nicht als CSV lesbar: {why}</translation>
    </message>
    <message>
        <source>{what} {text!r} is not a whole number</source>
        <extracomment>Profile fields, in the order of our CSV export&apos;s columns. Money-term fields (the current version), in the order of our CSV export&apos;s columns.</extracomment>
        <translation>{what} {text!r} ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>{what} {text!r} is not a date like 2026-11-18</source>
        <translation>{what} {text!r} ist kein Datum wie 2026-11-18</translation>
    </message>
    <message>
        <source>{what} {text!r} is not yes or no</source>
        <translation>{what} {text!r} ist weder ja noch nein</translation>
    </message>
    <message>
        <source>money terms need a pricing model</source>
        <translation>Konditionen brauchen ein Preismodell</translation>
    </message>
    <message>
        <source>{v!r} is not a whole number</source>
        <translation>{v!r} ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>{v!r} is not text</source>
        <translation>{v!r} ist kein Text</translation>
    </message>
    <message>
        <source>{what} is not an object</source>
        <translation>{what} ist kein Objekt</translation>
    </message>
    <message>
        <source>{what}: {name} is missing</source>
        <translation>{what}: {name} fehlt</translation>
    </message>
    <message>
        <source>{what}: {name} {why}</source>
        <translation>{what}: {name} {why}</translation>
    </message>
    <message>
        <source>client {number} is not an object</source>
        <translation>Kunde {number} ist kein Objekt</translation>
    </message>
    <message>
        <source>client {number} ({name})</source>
        <translation>Kunde {number} ({name})</translation>
    </message>
    <message>
        <source>{what}: attention is not an object</source>
        <translation>{what}: attention ist kein Objekt</translation>
    </message>
    <message>
        <source>{what}: {key} is not a list</source>
        <translation>{what}: {key} ist keine Liste</translation>
    </message>
    <message>
        <source>{what}: tags is not a list of names</source>
        <translation>{what}: tags ist keine Liste von Namen</translation>
    </message>
    <message>
        <source>{what}: due {due!r} is not a date</source>
        <translation>{what}: Fälligkeit {due!r} ist kein Datum</translation>
    </message>
    <message>
        <source>not JSON (line {line}, column {column}: {why})</source>
        <translation>kein JSON (Zeile {line}, Spalte {column}: {why})</translation>
    </message>
    <message>
        <source>not a ckbook export (no &quot;format&quot;: &quot;ckbook-export&quot;)</source>
        <translation>kein ckbook-Export (kein &quot;format&quot;: &quot;ckbook-export&quot;)</translation>
    </message>
    <message>
        <source>format version {version!r} is not one ckbook wrote</source>
        <translation>Formatversion {version!r} stammt nicht von ckbook</translation>
    </message>
    <message>
        <source>written by a newer ckbook (format version {version}; this ckbook reads up to {newest}); update ckbook to import it</source>
        <translation>von einem neueren ckbook geschrieben (Formatversion {version}; dieses ckbook liest bis {newest}); aktualisieren Sie ckbook, um es zu importieren</translation>
    </message>
    <message>
        <source>the export has no list of clients</source>
        <translation>der Export enthält keine Kundenliste</translation>
    </message>
    <message>
        <source>{key} is not a list</source>
        <translation>{key} ist keine Liste</translation>
    </message>
    <message>
        <source>{file}: {why}</source>
        <translation>{file}: {why}</translation>
    </message>
    <message>
        <source>a ckbook export, format version {version}: restored every table</source>
        <translation>ein ckbook-Export, Formatversion {version}: alle Tabellen wiederhergestellt</translation>
    </message>
    <message>
        <source>byte-order mark</source>
        <extracomment>Larger import files are refused before reading (a contacts export is a few MB at most). Leading bytes of files people pick by mistake, and what to call them. When the detector finds several encodings equally likely (short files often read the same in Windows-1250 and -1252 but for a letter or two), the one Western files are most often in. Codec names as people know them.</extracomment>
        <translation>Byte-Order-Mark</translation>
    </message>
    <message>
        <source>declared</source>
        <comment>encoding</comment>
        <translation>angegeben</translation>
    </message>
    <message>
        <source>detected</source>
        <comment>encoding</comment>
        <translation>erkannt</translation>
    </message>
    <message>
        <source>read as {encoding} ({how})</source>
        <translation>gelesen als {encoding} ({how})</translation>
    </message>
    <message>
        <source>is not a text file (it looks like {binary})</source>
        <translation>ist keine Textdatei (sie sieht aus wie {binary})</translation>
    </message>
    <message>
        <source>starts like {encoding} text but byte {byte} is not</source>
        <translation>beginnt wie {encoding}-Text, aber Byte {byte} passt nicht dazu</translation>
    </message>
    <message>
        <source>is not a text file (no text encoding reads it)</source>
        <translation>ist keine Textdatei (keine Zeichenkodierung kann sie lesen)</translation>
    </message>
    <message>
        <source>{file} is the notebook itself; import reads vCard, CSV or JSON files</source>
        <translation>{file} ist das Notizbuch selbst; der Import liest vCard-, CSV- oder JSON-Dateien</translation>
    </message>
    <message>
        <source>{file} is a folder, not a file</source>
        <translation>{file} ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>{file} is too large to import ({size} MB)</source>
        <translation>{file} ist zu groß zum Importieren ({size} MB)</translation>
    </message>
    <message>
        <source>cannot read {file}: {why}</source>
        <translation>{file} kann nicht gelesen werden: {why}</translation>
    </message>
    <message>
        <source>{file} {why}</source>
        <translation>{file} {why}</translation>
    </message>
    <message>
        <source>--map: {pair!r} is not FIELD=COLUMN</source>
        <extracomment>File-name suffixes, for file pickers and for guessing a format from a name.</extracomment>
        <translation>--map: {pair!r} hat nicht die Form FIELD=COLUMN</translation>
    </message>
    <message>
        <source>cannot import {kind!r}: choose one of {formats}</source>
        <translation>{kind!r} kann nicht importiert werden: Wählen Sie eines von {formats}</translation>
    </message>
    <message>
        <source>--map applies to csv files only</source>
        <translation>--map gilt nur für CSV-Dateien</translation>
    </message>
    <message>
        <source>Exported 1 to-do to {file} ({size})</source>
        <translation>1 Aufgabe nach {file} exportiert ({size})</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n to-dos to {file} ({size})</source>
        <translation>
            <numerusform>%n Aufgabe nach {file} exportiert ({size})</numerusform>
            <numerusform>%n Aufgaben nach {file} exportiert ({size})</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported 1 event to {file} ({size})</source>
        <translation>1 Termin nach {file} exportiert ({size})</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n events to {file} ({size})</source>
        <translation>
            <numerusform>%n Termin nach {file} exportiert ({size})</numerusform>
            <numerusform>%n Termine nach {file} exportiert ({size})</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported 1 client to {file} ({size})</source>
        <translation>1 Kunde nach {file} exportiert ({size})</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n clients to {file} ({size})</source>
        <translation>
            <numerusform>%n Kunde nach {file} exportiert ({size})</numerusform>
            <numerusform>%n Kunden nach {file} exportiert ({size})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>cannot export {kind!r}: choose one of {formats}</source>
        <translation>{kind!r} kann nicht exportiert werden: Wählen Sie eines von {formats}</translation>
    </message>
    <message>
        <source>no END:VCARD before the next card starts at line {number}</source>
        <extracomment>Our attention-profile properties: X-CKBOOK-STATUS, X-CKBOOK-CHECKIN-DAYS, … group. name ;params : value — a quoted parameter value may hold ; and : Single-valued text properties: a bare comma in them is text, not a list separator.</extracomment>
        <translation>kein END:VCARD, bevor in Zeile {number} die nächste Karte beginnt</translation>
    </message>
    <message>
        <source>no END:VCARD before the end of the file</source>
        <translation>kein END:VCARD vor dem Dateiende</translation>
    </message>
    <message>
        <source>a {encoding} value is not readable text in {charset}</source>
        <translation>ein {encoding}-Wert ist kein lesbarer Text in {charset}</translation>
    </message>
    <message>
        <source>{name} is not readable text in {charset}</source>
        <translation>{name} ist kein lesbarer Text in {charset}</translation>
    </message>
    <message>
        <source>line {number} is not a vCard line: {line!r}</source>
        <extracomment>TYPE values that say nothing a user would call a label. Labels written as TYPE values (and read back as the same label); others go in X-ABLabel.</extracomment>
        <translation>Zeile {number} ist keine vCard-Zeile: {line!r}</translation>
    </message>
    <message>
        <source>not a readable vCard: {message}</source>
        <translation>keine lesbare vCard: {message}</translation>
    </message>
    <message>
        <source>no vCard in the file (BEGIN:VCARD … END:VCARD)</source>
        <translation>keine vCard in der Datei (BEGIN:VCARD … END:VCARD)</translation>
    </message>
    <message>
        <source>unfinished card: {why}</source>
        <translation>unvollständige Karte: {why}</translation>
    </message>
    <message>
        <source>vCard {version} is not one ckbook writes ({versions})</source>
        <extracomment>The vCard versions ckbook writes (4.0 unless asked; 3.0 for programs that read nothing newer).</extracomment>
        <translation>vCard {version} schreibt ckbook nicht ({versions})</translation>
    </message>
    <message>
        <source>{client} sounded {mood} during the {kind}</source>
        <extracomment>Longest &quot;what happened&quot; taken from a note (the dialog&apos;s field is a few lines high). Lines of a note that recorded a promise (&quot;+ &quot;) or a request (&quot;? &quot;): not what went wrong.</extracomment>
        <translation>{client} wirkte {mood} ({kind})</translation>
    </message>
    <message>
        <source>{client} was unhappy during the {kind}</source>
        <translation>{client} war unzufrieden ({kind})</translation>
    </message>
    <message>
        <source>lead</source>
        <comment>client status</comment>
        <translation>Interessent</translation>
    </message>
    <message>
        <source>active</source>
        <comment>client status</comment>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>paused</source>
        <comment>client status</comment>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>former</source>
        <comment>client status</comment>
        <translation>ehemalig</translation>
    </message>
    <message>
        <source>light</source>
        <comment>attention level</comment>
        <translation>gering</translation>
    </message>
    <message>
        <source>standard</source>
        <comment>attention level</comment>
        <translation>normal</translation>
    </message>
    <message>
        <source>high-touch</source>
        <comment>attention level</comment>
        <translation>intensiv</translation>
    </message>
    <message>
        <source>call</source>
        <comment>channel</comment>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>email</source>
        <comment>channel</comment>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>message</source>
        <comment>channel</comment>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>in person</source>
        <comment>channel</comment>
        <translation>persönlich</translation>
    </message>
    <message>
        <source>meeting</source>
        <comment>note kind</comment>
        <translation>Besprechung</translation>
    </message>
    <message>
        <source>email</source>
        <comment>note kind</comment>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>message</source>
        <comment>note kind</comment>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>other</source>
        <comment>note kind</comment>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>delighted</source>
        <comment>mood</comment>
        <translation>begeistert</translation>
    </message>
    <message>
        <source>content</source>
        <comment>mood</comment>
        <translation>zufrieden</translation>
    </message>
    <message>
        <source>neutral</source>
        <comment>mood</comment>
        <translation>neutral</translation>
    </message>
    <message>
        <source>frustrated</source>
        <comment>mood</comment>
        <translation>frustriert</translation>
    </message>
    <message>
        <source>angry</source>
        <comment>mood</comment>
        <translation>verärgert</translation>
    </message>
    <message>
        <source>minor</source>
        <comment>severity</comment>
        <translation>gering</translation>
    </message>
    <message>
        <source>major</source>
        <comment>severity</comment>
        <translation>erheblich</translation>
    </message>
    <message>
        <source>critical</source>
        <comment>severity</comment>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>open</source>
        <comment>promise status</comment>
        <translation>offen</translation>
    </message>
    <message>
        <source>kept</source>
        <comment>promise status</comment>
        <translation>eingehalten</translation>
    </message>
    <message>
        <source>broken</source>
        <comment>promise status</comment>
        <translation>nicht eingehalten</translation>
    </message>
    <message>
        <source>renegotiated</source>
        <comment>promise status</comment>
        <translation>neu verhandelt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>promise status</comment>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>promise</source>
        <comment>kind</comment>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>note</source>
        <comment>kind</comment>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>client</source>
        <comment>kind</comment>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>request</source>
        <comment>kind</comment>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>incident</source>
        <comment>kind</comment>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>check-in</source>
        <comment>kind</comment>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>apologise</source>
        <comment>next step</comment>
        <translation>entschuldigen</translation>
    </message>
    <message>
        <source>fix</source>
        <comment>next step</comment>
        <translation>Behebung</translation>
    </message>
    <message>
        <source>root cause</source>
        <comment>next step</comment>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>prevention</source>
        <comment>next step</comment>
        <translation>Vorbeugung</translation>
    </message>
    <message>
        <source>goodwill</source>
        <comment>next step</comment>
        <translation>Geste des Entgegenkommens</translation>
    </message>
    <message>
        <source>resolve</source>
        <comment>next step</comment>
        <translation>abschließen</translation>
    </message>
    <message>
        <source>done</source>
        <comment>next step</comment>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>call</source>
        <comment>note kind</comment>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>table {table} is missing</source>
        <extracomment>libpq&apos;s TCP keepalives and user timeout: a connection whose server vanished without a word (a network gone, a machine switched off) is found dead within ~20 s instead of hours. Migration 0007&apos;s search columns and their GIN indexes, by table.</extracomment>
        <translation>Tabelle {table} fehlt</translation>
    </message>
    <message>
        <source>Promise to {client} (ckbook promise {id})</source>
        <extracomment>How long a timed promise&apos;s event lasts in a calendar.</extracomment>
        <translation>Zusage an {client} (ckbook-Zusage {id})</translation>
    </message>
    <message>
        <source>Promise due: {client}: {text}</source>
        <translation>Zusage fällig: {client}: {text}</translation>
    </message>
    <message>
        <source>Check in with {client}</source>
        <translation>Kontakt mit {client} aufnehmen</translation>
    </message>
    <message>
        <source>Check-in cadence: every {days} days, by {channel}</source>
        <translation>Kontaktrhythmus: alle {days} Tage, per {channel}</translation>
    </message>
    <message>
        <source>{what}: {fields} changed by someone else since you opened it; nothing was saved</source>
        <translation>{what}: {fields} wurde seit dem Öffnen von jemand anderem geändert; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>{what} was deleted by someone else; your change was not saved</source>
        <translation>{what} wurde von jemand anderem gelöscht; Ihre Änderung wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>{what} was changed by someone else since you opened it; it was not deleted</source>
        <translation>{what} wurde seit dem Öffnen von jemand anderem geändert; es wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>the URL&apos;s port is not a number</source>
        <extracomment>The keyring&apos;s service name for every ckbook password.</extracomment>
        <translation>der Port der URL ist keine Zahl</translation>
    </message>
    <message>
        <source>the keyring package is not installed; install ckbook&apos;s team extra: {command}</source>
        <translation>das Paket keyring ist nicht installiert; installieren Sie ckbooks Team-Erweiterung: {command}</translation>
    </message>
    <message>
        <source>the system keyring cannot be used: {reason}</source>
        <translation>der Schlüsselbund des Systems ist nicht nutzbar: {reason}</translation>
    </message>
</context>
</TS>
