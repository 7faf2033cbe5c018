<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>the client&apos;s id or unique name; #ID is always the id (digits that are also another client&apos;s name are refused as ambiguous)</source>
        <translation>Nummer oder eindeutiger Name des Kunden; #ID ist immer die Nummer (Ziffern, die zugleich Name eines anderen Kunden sind, werden als mehrdeutig abgelehnt)</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>Aufruf: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>Positionsargumente</translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>diese Hilfe anzeigen und beenden</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>Argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>unbekannte Argumente: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>nicht zusammen mit Argument %s erlaubt</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>angegebenes Argument %r ignoriert</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>folgende Argumente fehlen: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>eines der Argumente %s ist nötig</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>erwartet ein Argument</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>erwartet höchstens ein Argument</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>erwartet mindestens ein Argument</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>erwartet %s Argument</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>erwartet %s Argumente</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>mehrdeutige Option: %(option)s passt zu %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>unerwartete Option: %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ungültiger Wert für %(type)s: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ungültige Auswahl: %(value)r (möglich sind %(choices)s)</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>unbekannter Befehl %(parser_name)r (möglich sind %(choices)s)</translation>
    </message>
    <message>
        <source>SQLite file or postgresql:// URL (default: $CKBOOK_DB or the user data folder)</source>
        <translation>SQLite-Datei oder postgresql://-URL (Standard: $CKBOOK_DB oder der Datenordner des Benutzers)</translation>
    </message>
    <message>
        <source>pretend it is this local date or date-time (e.g. 2026-11-18T10:00)</source>
        <translation>so tun, als wäre es dieses lokale Datum oder diese Uhrzeit (z. B. 2026-11-18T10:00)</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>JSON ausgeben</translation>
    </message>
    <message>
        <source>A client relationship notebook. With no command, opens the window.</source>
        <translation>Ein Notizbuch für Kundenbeziehungen. Ohne Befehl öffnet es das Fenster.</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>Versionsnummer anzeigen und beenden</translation>
    </message>
    <message>
        <source>add ckbook (launcher and icon) to your application menu, for you only</source>
        <translation>ckbook (Starter und Symbol) nur für Sie ins Anwendungsmenü aufnehmen</translation>
    </message>
    <message>
        <source>take out what --install-desktop added (files changed since are left)</source>
        <translation>entfernen, was --install-desktop hinzugefügt hat (seitdem geänderte Dateien bleiben)</translation>
    </message>
    <message>
        <source>SQLite file or postgresql:// URL</source>
        <translation>SQLite-Datei oder postgresql://-URL</translation>
    </message>
    <message>
        <source>pretend it is this local date-time</source>
        <translation>so tun, als wäre es diese lokale Uhrzeit</translation>
    </message>
    <message>
        <source>with no command: open this client&apos;s card (in the window already open, if any)</source>
        <translation>ohne Befehl: die Kundenkarte dieses Kunden öffnen (im bereits offenen Fenster, falls vorhanden)</translation>
    </message>
    <message>
        <source>with no command: start in the tray</source>
        <translation>ohne Befehl: im Infobereich starten</translation>
    </message>
    <message>
        <source>add a client (ckbook client add NAME)</source>
        <translation>einen Kunden anlegen (ckbook client add NAME)</translation>
    </message>
    <message>
        <source>add a client with an attention profile</source>
        <translation>einen Kunden mit Betreuungsprofil anlegen</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>email (repeatable)</source>
        <translation>E-Mail (mehrfach möglich)</translation>
    </message>
    <message>
        <source>phone (repeatable)</source>
        <translation>Telefon (mehrfach möglich)</translation>
    </message>
    <message>
        <source>tag (repeatable)</source>
        <translation>Schlagwort (mehrfach möglich)</translation>
    </message>
    <message>
        <source>attention level; sets the check-in cadence and response time unless given</source>
        <translation>Betreuungsstufe; legt Kontaktrhythmus und Antwortzeit fest, wenn diese nicht angegeben sind</translation>
    </message>
    <message>
        <source>check in every N days</source>
        <translation>alle N Tage Kontakt aufnehmen</translation>
    </message>
    <message>
        <source>reply within N hours</source>
        <translation>innerhalb von N Stunden antworten</translation>
    </message>
    <message>
        <source>preferred channel</source>
        <translation>bevorzugter Kanal</translation>
    </message>
    <message>
        <source>merge OTHER into KEEP (everything moves; one transaction)</source>
        <translation>OTHER mit KEEP zusammenführen (alles wird übernommen; eine Transaktion)</translation>
    </message>
    <message>
        <source>the client that stays: {how}</source>
        <translation>der Kunde, der bleibt: {how}</translation>
    </message>
    <message>
        <source>the client merged away: {how}</source>
        <translation>der Kunde, der aufgeht: {how}</translation>
    </message>
    <message>
        <source>list clients</source>
        <translation>Kunden auflisten</translation>
    </message>
    <message>
        <source>add a promise (ckbook promise add ...)</source>
        <translation>eine Zusage erfassen (ckbook promise add ...)</translation>
    </message>
    <message>
        <source>record something we said we would do</source>
        <translation>festhalten, was wir zugesagt haben</translation>
    </message>
    <message>
        <source>what was promised; a due is read from it</source>
        <translation>was zugesagt wurde; eine Fälligkeit wird daraus gelesen</translation>
    </message>
    <message>
        <source>2026-11-20, 2026-11-20T15:00 or a phrase like &apos;next Friday 3pm&apos;</source>
        <translation>2026-11-20, 2026-11-20T15:00 oder eine englische Angabe wie &apos;next Friday 3pm&apos;</translation>
    </message>
    <message>
        <source>promises due or overdue, check-ins and replies overdue</source>
        <translation>fällige und überfällige Zusagen, überfällige Kontakte und Antworten</translation>
    </message>
    <message>
        <source>also list promises due this soon</source>
        <translation>auch Zusagen auflisten, die innerhalb so vieler Tage fällig sind</translation>
    </message>
    <message>
        <source>on a server notebook: everyone&apos;s promises and requests, not only yours</source>
        <translation>bei einem Notizbuch auf einem Server: die Zusagen und Anfragen aller, nicht nur Ihre</translation>
    </message>
    <message>
        <source>record something that went wrong</source>
        <translation>einen Vorfall erfassen</translation>
    </message>
    <message>
        <source>record what went wrong for a client</source>
        <translation>festhalten, was bei einem Kunden schiefgegangen ist</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>was passiert ist</translation>
    </message>
    <message>
        <source>a client message awaiting our reply</source>
        <translation>eine Kundenanfrage, die auf unsere Antwort wartet</translation>
    </message>
    <message>
        <source>log a client message that needs us</source>
        <translation>eine Kundenanfrage erfassen, die eine Antwort braucht</translation>
    </message>
    <message>
        <source>what they asked for</source>
        <translation>worum der Kunde gebeten hat</translation>
    </message>
    <message>
        <source>when it came in (local date-time; default: now)</source>
        <translation>wann sie eingegangen ist (lokales Datum mit Uhrzeit; Standard: jetzt)</translation>
    </message>
    <message>
        <source>acknowledge: tell them it arrived</source>
        <translation>bestätigen: dem Kunden mitteilen, dass sie angekommen ist</translation>
    </message>
    <message>
        <source>mark answered</source>
        <translation>als beantwortet markieren</translation>
    </message>
    <message>
        <source>the request&apos;s id</source>
        <translation>Nummer der Anfrage</translation>
    </message>
    <message>
        <source>the Today sections: what needs you, in order</source>
        <translation>die Abschnitte von „Heute“: was Sie braucht, der Reihe nach</translation>
    </message>
    <message>
        <source>a client&apos;s notes, newest first</source>
        <translation>Notizen eines Kunden, neueste zuerst</translation>
    </message>
    <message>
        <source>search notes, promises and clients</source>
        <translation>Notizen, Zusagen und Kunden durchsuchen</translation>
    </message>
    <message>
        <source>Words must all match; &quot;a phrase&quot; matches in order; propos* matches a prefix. Anything else is read as plain words.</source>
        <translation>Alle Wörter müssen passen; &quot;eine Wortfolge&quot; passt in dieser Reihenfolge; angeb* passt auf einen Wortanfang. Alles andere wird als einfache Wörter gelesen.</translation>
    </message>
    <message>
        <source>what to look for</source>
        <translation>wonach gesucht wird</translation>
    </message>
    <message>
        <source>at most N hits</source>
        <translation>höchstens N Treffer</translation>
    </message>
    <message>
        <source>fill a database with realistic demo data</source>
        <translation>eine Datenbank mit realistischen Beispieldaten füllen</translation>
    </message>
    <message>
        <source>Fill the notebook with realistic demo data. Refuses a notebook that already has clients (so real data is never mixed with made-up people) unless --force.</source>
        <translation>Füllt das Notizbuch mit realistischen Beispieldaten. Ein Notizbuch, das schon Kunden enthält, wird ohne --force abgelehnt (damit echte Daten nie mit erfundenen Personen vermischt werden).</translation>
    </message>
    <message>
        <source>how many clients</source>
        <translation>wie viele Kunden</translation>
    </message>
    <message>
        <source>how many notes</source>
        <translation>wie viele Notizen</translation>
    </message>
    <message>
        <source>how many promises</source>
        <translation>wie viele Zusagen</translation>
    </message>
    <message>
        <source>add to a notebook that already has clients</source>
        <translation>auch zu einem Notizbuch hinzufügen, das schon Kunden enthält</translation>
    </message>
    <message>
        <source>copy the notebook safely, even while the window is open</source>
        <translation>das Notizbuch sicher kopieren, auch während das Fenster offen ist</translation>
    </message>
    <message>
        <source>the copy&apos;s file (default: a new file in backups/ beside the notebook)</source>
        <translation>Datei der Kopie (Standard: eine neue Datei in backups/ neben dem Notizbuch)</translation>
    </message>
    <message>
        <source>replace the file --to names if it exists</source>
        <translation>die mit --to angegebene Datei ersetzen, falls sie existiert</translation>
    </message>
    <message>
        <source>list the notebook&apos;s backups, newest first</source>
        <translation>die Sicherungen des Notizbuchs auflisten, neueste zuerst</translation>
    </message>
    <message>
        <source>replace the notebook with a backup</source>
        <translation>das Notizbuch durch eine Sicherung ersetzen</translation>
    </message>
    <message>
        <source>Replace the notebook with a backup file. The backup is checked first; the current notebook is kept beside it as a safety copy. Close the window before restoring.</source>
        <translation>Ersetzt das Notizbuch durch eine Sicherungsdatei. Die Sicherung wird zuerst geprüft; das aktuelle Notizbuch bleibt daneben als Sicherheitskopie erhalten. Schließen Sie das Fenster vor dem Wiederherstellen.</translation>
    </message>
    <message>
        <source>the backup to restore</source>
        <translation>die wiederherzustellende Sicherung</translation>
    </message>
    <message>
        <source>add or update clients from a vCard or CSV file; restore a JSON export</source>
        <translation>Kunden aus einer vCard- oder CSV-Datei hinzufügen oder aktualisieren; einen JSON-Export wiederherstellen</translation>
    </message>
    <message>
        <source>Add or update the clients in FILE (vcard, csv), in one transaction. Every record is checked first: an invalid one stops the import (nothing is written) unless --skip-invalid. A record is the client with the same UID, else the same name and an email or phone in common, else the same name and organisation: that client is updated with what the file says (nothing the file lacks is blanked); anyone else is new. The file&apos;s encoding is detected and reported. json restores a whole `ckbook export json` into an empty notebook.</source>
        <translation>Fügt die Kunden in FILE (vcard, csv) in einer Transaktion hinzu oder aktualisiert sie. Jeder Datensatz wird zuerst geprüft: Ein ungültiger bricht den Import ab (nichts wird geschrieben), außer mit --skip-invalid. Ein Datensatz gehört zum Kunden mit derselben UID, sonst mit demselben Namen und einer gemeinsamen E-Mail-Adresse oder Telefonnummer, sonst mit demselben Namen und derselben Organisation: Dieser Kunde wird mit den Angaben der Datei aktualisiert (was die Datei nicht enthält, wird nicht geleert); alle anderen werden neu angelegt. Die Zeichenkodierung der Datei wird erkannt und gemeldet. json stellt einen ganzen `ckbook export json` in einem leeren Notizbuch wieder her.</translation>
    </message>
    <message>
        <source>report what would be imported; write nothing</source>
        <translation>melden, was importiert würde; nichts schreiben</translation>
    </message>
    <message>
        <source>import the valid records, list the others</source>
        <translation>die gültigen Datensätze importieren, die anderen auflisten</translation>
    </message>
    <message>
        <source>csv: read FIELD from the column named COLUMN (fields: name, first_name, last_name, organisation, emails, phones, address, tags, handling_notes, uid, …)</source>
        <translation>csv: FIELD aus der Spalte namens COLUMN lesen (Felder: name, first_name, last_name, organisation, emails, phones, address, tags, handling_notes, uid, …)</translation>
    </message>
    <message>
        <source>write clients (vcard, csv), open promises as to-dos (ics), or everything (json)</source>
        <translation>Kunden (vcard, csv), offene Zusagen als Aufgaben (ics) oder alles (json) schreiben</translation>
    </message>
    <message>
        <source>Write FILE (owner-only, published only once complete; an existing file only with --overwrite, the notebook itself never): vcard and csv hold the clients (csv with attention profile and current money terms), ics the open promises with dues and the coming check-ins as to-dos, json the whole notebook.</source>
        <translation>Schreibt FILE (nur für den Eigentümer lesbar, erst vollständig sichtbar; eine vorhandene Datei nur mit --overwrite, das Notizbuch selbst nie): vcard und csv enthalten die Kunden (csv mit Betreuungsprofil und aktuellen Konditionen), ics die offenen Zusagen mit Fälligkeit und die anstehenden Kontakte als Aufgaben, json das ganze Notizbuch.</translation>
    </message>
    <message>
        <source>ics: open promises as to-dos (default) or as events, for calendars that ignore tasks (promises without a due are left out of events)</source>
        <translation>ics: offene Zusagen als Aufgaben (Standard) oder als Termine, für Kalender, die Aufgaben ignorieren (Zusagen ohne Fälligkeit fehlen bei Terminen)</translation>
    </message>
    <message>
        <source>vcard: the version written (3.0 for programs that read nothing newer)</source>
        <translation>vcard: die geschriebene Version (3.0 für Programme, die nichts Neueres lesen)</translation>
    </message>
    <message>
        <source>replace FILE if it exists (never the notebook)</source>
        <translation>FILE ersetzen, falls vorhanden (nie das Notizbuch)</translation>
    </message>
    <message>
        <source>check the notebook&apos;s integrity, links and search index (repairs only the index)</source>
        <translation>Integrität, Verknüpfungen und Suchindex des Notizbuchs prüfen (repariert nur den Index)</translation>
    </message>
    <message>
        <source>copy the whole notebook to a PostgreSQL server (team mode) or back to a new file</source>
        <translation>das ganze Notizbuch auf einen PostgreSQL-Server (Teammodus) oder zurück in eine neue Datei kopieren</translation>
    </message>
    <message>
        <source>Copy every table of the notebook (--db) into TARGET, compare row counts and a checksum per table, and leave the notebook itself untouched. TARGET is postgresql://user@host/dbname (an empty database) or a file that does not exist yet.</source>
        <translation>Kopiert jede Tabelle des Notizbuchs (--db) nach TARGET, vergleicht Zeilenzahl und Prüfsumme je Tabelle und lässt das Notizbuch selbst unverändert. TARGET ist postgresql://user@host/dbname (eine leere Datenbank) oder eine Datei, die noch nicht existiert.</translation>
    </message>
    <message>
        <source>postgresql://… URL or a new file</source>
        <translation>postgresql://…-URL oder eine neue Datei</translation>
    </message>
    <message>
        <source>who may do what on a server notebook: print or apply GRANT statements</source>
        <translation>wer was mit einem Server-Notizbuch darf: GRANT-Anweisungen ausgeben oder ausführen</translation>
    </message>
    <message>
        <source>give a database role read-only, member or owner rights on the notebook</source>
        <translation>einer Datenbankrolle Lese-, Mitglieds- oder Eigentümerrechte am Notizbuch geben</translation>
    </message>
    <message>
        <source>Print the GRANT statements giving ROLE rights on the notebook&apos;s tables (--apply runs them, all or none). read-only: read every table; member: also add, change and delete; owner: also run schema upgrades.</source>
        <translation>Gibt die GRANT-Anweisungen aus, die ROLE Rechte an den Tabellen des Notizbuchs geben (--apply führt sie aus, alle oder keine). read-only: jede Tabelle lesen; member: auch hinzufügen, ändern und löschen; owner: auch Schema-Upgrades ausführen.</translation>
    </message>
    <message>
        <source>the person&apos;s PostgreSQL role</source>
        <translation>die PostgreSQL-Rolle der Person</translation>
    </message>
    <message>
        <source>run the statements on the server</source>
        <translation>die Anweisungen auf dem Server ausführen</translation>
    </message>
    <message>
        <source>take every right on the notebook back from a database role</source>
        <translation>einer Datenbankrolle alle Rechte am Notizbuch entziehen</translation>
    </message>
    <message>
        <source>keep your password for a server notebook in the system keyring</source>
        <translation>Ihr Passwort für ein Notizbuch auf einem Server im Schlüsselbund des Systems ablegen</translation>
    </message>
    <message>
        <source>Ask for the password of the role URL names, check it with the server and keep it in the system keyring (never in a file): later --db URL finds it there. From a pipe, the password is the first line read.</source>
        <translation>Fragt nach dem Passwort der Rolle, die URL nennt, prüft es beim Server und legt es im Schlüsselbund des Systems ab (nie in einer Datei): Später findet --db URL es dort. Aus einer Pipe ist das Passwort die erste gelesene Zeile.</translation>
    </message>
    <message>
        <source>take your password for a server notebook out of the system keyring</source>
        <translation>Ihr Passwort für ein Notizbuch auf einem Server aus dem Schlüsselbund des Systems entfernen</translation>
    </message>
    <message>
        <source>postgresql://user@host/dbname, without the password (default: --db)</source>
        <translation>postgresql://benutzer@host/datenbank, ohne Passwort (Vorgabe: --db)</translation>
    </message>
    <message>
        <source>no due date</source>
        <extracomment>What json.dumps (ensure_ascii=False) leaves raw but a terminal acts on: DEL and C1 (U+009B is CSI to xterm), bidi controls, and lone surrogates (which UTF-8 cannot even carry). Outside strings JSON has none of them, so escaping them keeps the same values.</extracomment>
        <translation>ohne Fälligkeit</translation>
    </message>
    <message>
        <source>due {when}</source>
        <translation>fällig {when}</translation>
    </message>
    <message>
        <source>KEEP and OTHER are the same client (#{id}): name two clients</source>
        <translation>KEEP und OTHER sind derselbe Kunde (#{id}): Nennen Sie zwei Kunden</translation>
    </message>
    <message>
        <source>Merged client {old_id} ({old_name}) into {id}: {name}</source>
        <translation>Kunde {old_id} ({old_name}) mit {id} zusammengeführt: {name}</translation>
    </message>
    <message>
        <source>moved {counts}</source>
        <translation>übernommen: {counts}</translation>
    </message>
    <message>
        <source>moved nothing</source>
        <translation>nichts übernommen</translation>
    </message>
    <message>
        <source>Added client {id}: {name} ({organisation})</source>
        <translation>Kunde {id} angelegt: {name} ({organisation})</translation>
    </message>
    <message>
        <source>Added client {id}: {name}</source>
        <translation>Kunde {id} angelegt: {name}</translation>
    </message>
    <message>
        <source>{level} attention: check in every {days} days, reply within {hours} h, prefers {channel}</source>
        <translation>Betreuungsstufe {level}: Kontakt alle {days} Tage, Antwort innerhalb von {hours} Std., bevorzugt {channel}</translation>
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
        <source>tags: {tags}</source>
        <translation>Schlagwörter: {tags}</translation>
    </message>
    <message>
        <source>No clients yet. Add one with: ckbook client add NAME</source>
        <translation>Noch keine Kunden. Legen Sie einen an mit: ckbook client add NAME</translation>
    </message>
    <message>
        <source>Promise {id} to {client}: {text}</source>
        <translation>Zusage {id} an {client}: {text}</translation>
    </message>
    <message>
        <source>{summary} (as of {time})</source>
        <translation>{summary} (Stand: {time})</translation>
    </message>
    <message>
        <source>Overdue:</source>
        <translation>Überfällig:</translation>
    </message>
    <message>
        <source>Due today:</source>
        <translation>Heute fällig:</translation>
    </message>
    <message numerus="yes">
        <source>Coming up (next %n days):</source>
        <translation>
            <numerusform>Demnächst (nächster %n Tag):</numerusform>
            <numerusform>Demnächst (nächste %n Tage):</numerusform>
        </translation>
    </message>
    <message>
        <source>Check-ins overdue:</source>
        <translation>Überfällige Kontakte:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>{client} ({flag}) — last contact {time}</source>
        <translation>{client} ({flag}) — letzter Kontakt {time}</translation>
    </message>
    <message>
        <source>Replies overdue:</source>
        <translation>Überfällige Antworten:</translation>
    </message>
    <message>
        <source>{client}: {summary} — received {time} by {channel}</source>
        <translation>{client}: {summary} — eingegangen {time} per {channel}</translation>
    </message>
    <message>
        <source>Incident {id} for {client} ({severity}): {what}</source>
        <translation>Vorfall {id} bei {client} ({severity}): {what}</translation>
    </message>
    <message>
        <source>next: {step}</source>
        <translation>als Nächstes: {step}</translation>
    </message>
    <message>
        <source>Request {id} from {client} by {channel}: {summary}</source>
        <translation>Anfrage {id} von {client} per {channel}: {summary}</translation>
    </message>
    <message>
        <source>received {received}, reply by {reply_by} — overdue</source>
        <translation>eingegangen {received}, Antwort bis {reply_by} — überfällig</translation>
    </message>
    <message>
        <source>received {received}, reply by {reply_by}</source>
        <translation>eingegangen {received}, Antwort bis {reply_by}</translation>
    </message>
    <message>
        <source>no request with id {id}</source>
        <translation>keine Anfrage mit der Nummer {id}</translation>
    </message>
    <message>
        <source>Request {id} from {client} answered: {summary}</source>
        <translation>Anfrage {id} von {client} beantwortet: {summary}</translation>
    </message>
    <message>
        <source>Request {id} from {client} acknowledged: {summary}</source>
        <translation>Anfrage {id} von {client} bestätigt: {summary}</translation>
    </message>
    <message numerus="yes">
        <source>{summary} (as of {time}, %n snoozed)</source>
        <translation>
            <numerusform>{summary} (Stand: {time}, %n zurückgestellt)</numerusform>
            <numerusform>{summary} (Stand: {time}, %n zurückgestellt)</numerusform>
        </translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Noch keine Notizen.</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>by {name}</source>
        <translation>von {name}</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message>
        <source>{notebook} already has clients; demo data goes into an empty notebook (use another --db, or --force to add to this one)</source>
        <translation>{notebook} enthält schon Kunden; Beispieldaten kommen in ein leeres Notizbuch (nehmen Sie ein anderes --db oder --force, um sie hier hinzuzufügen)</translation>
    </message>
    <message>
        <source>Demo notebook in {notebook}: {what} ({seconds} s)</source>
        <translation>Beispiel-Notizbuch in {notebook}: {what} ({seconds} s)</translation>
    </message>
    <message>
        <source>--list lists backups; it takes no --to or --overwrite</source>
        <translation>--list listet Sicherungen auf; --to und --overwrite passen nicht dazu</translation>
    </message>
    <message>
        <source>No backups of {notebook} yet. Make one with: ckbook backup</source>
        <translation>Noch keine Sicherungen von {notebook}. Erstellen Sie eine mit: ckbook backup</translation>
    </message>
    <message>
        <source>Backed up {notebook} to {file}</source>
        <translation>{notebook} gesichert nach {file}</translation>
    </message>
    <message>
        <source>{rows} rows  sha256 {checksum}…  same</source>
        <translation>{rows} Zeilen  sha256 {checksum}…  gleich</translation>
    </message>
    <message>
        <source>Copied {rows} rows from {source} to {target} ({seconds} s); every table&apos;s count and checksum match. The notebook itself was not changed.</source>
        <translation>{rows} Zeilen von {source} nach {target} kopiert ({seconds} s); Zeilenzahl und Prüfsumme jeder Tabelle stimmen überein. Das Notizbuch selbst wurde nicht verändert.</translation>
    </message>
    <message>
        <source>{role} now has {rights} rights on {notebook}</source>
        <translation>{role} hat jetzt {rights}-Rechte an {notebook}</translation>
    </message>
    <message>
        <source>{role} has no rights on {notebook} any more</source>
        <translation>{role} hat keine Rechte mehr an {notebook}</translation>
    </message>
    <message>
        <source>team {verb} is for a server notebook: give its URL, postgresql://user@host/dbname</source>
        <translation>team {verb} gilt für ein Notizbuch auf einem Server: Geben Sie dessen URL an, postgresql://benutzer@host/datenbank</translation>
    </message>
    <message>
        <source>give the URL without its password ({url}); ckbook asks for it and keeps it in the system keyring</source>
        <translation>Geben Sie die URL ohne Passwort an ({url}); ckbook fragt danach und legt es im Schlüsselbund des Systems ab</translation>
    </message>
    <message>
        <source>Signed out of {url}: its password left the system keyring</source>
        <translation>Von {url} abgemeldet: Das Passwort wurde aus dem Schlüsselbund des Systems entfernt</translation>
    </message>
    <message>
        <source>No password for {key} was kept in the system keyring</source>
        <translation>Für {key} war kein Passwort im Schlüsselbund des Systems abgelegt</translation>
    </message>
    <message>
        <source>Password for {key}: </source>
        <translation>Passwort für {key}: </translation>
    </message>
    <message>
        <source>no password given; nothing was stored</source>
        <translation>kein Passwort eingegeben; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>Signed in to {url} as {role}; the password is kept in the system keyring</source>
        <translation>Bei {url} als {role} angemeldet; das Passwort liegt im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Restored {notebook} from {file}</source>
        <translation>{notebook} aus {file} wiederhergestellt</translation>
    </message>
    <message>
        <source>The notebook as it was is kept in {file}</source>
        <translation>Das Notizbuch im vorherigen Zustand liegt in {file}</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>new</source>
        <comment>import</comment>
        <translation>neu</translation>
    </message>
    <message>
        <source>updated</source>
        <comment>import</comment>
        <translation>aktualisiert</translation>
    </message>
    <message>
        <source>skipped: {why}</source>
        <translation>übersprungen: {why}</translation>
    </message>
    <message>
        <source>invalid: {why}</source>
        <translation>ungültig: {why}</translation>
    </message>
    <message>
        <source>--as events applies to ics exports only</source>
        <translation>--as events gilt nur für ics-Exporte</translation>
    </message>
    <message>
        <source>--vcard-version applies to vcard exports only</source>
        <translation>--vcard-version gilt nur für vcard-Exporte</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>could not install the launcher: {why}</source>
        <translation>der Starter konnte nicht installiert werden: {why}</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the way were not ckbook&apos;s; left as they were</source>
        <translation>
            <numerusform>%n Datei im Weg stammte nicht von ckbook; sie blieb unverändert</numerusform>
            <numerusform>%n Dateien im Weg stammten nicht von ckbook; sie blieben unverändert</numerusform>
        </translation>
    </message>
    <message>
        <source>ckbook is in your application menu (it may take a moment to appear)</source>
        <translation>ckbook ist jetzt in Ihrem Anwendungsmenü (es kann einen Moment dauern, bis es erscheint)</translation>
    </message>
    <message>
        <source>could not remove the launcher: {why}</source>
        <translation>der Starter konnte nicht entfernt werden: {why}</translation>
    </message>
    <message>
        <source>ckbook was not in your application menu</source>
        <translation>ckbook war nicht in Ihrem Anwendungsmenü</translation>
    </message>
    <message>
        <source>ckbook: error: {message}</source>
        <translation>ckbook: Fehler: {message}</translation>
    </message>
    <message>
        <source>{text!r} is not an id (a whole number from {range})</source>
        <translation>{text!r} ist keine Nummer (eine ganze Zahl von {range})</translation>
    </message>
    <message>
        <source>the notebook at {notebook} is read-only (your database role may read it but not change it); nothing was changed</source>
        <extracomment>Numeric options checked against the services&apos; limits before the database opens.</extracomment>
        <translation>das Notizbuch unter {notebook} ist schreibgeschützt (Ihre Datenbankrolle darf es lesen, aber nicht ändern); nichts wurde geändert</translation>
    </message>
    <message>
        <source>the notebook at {notebook} is read-only (its file or folder cannot be written); nothing was changed</source>
        <translation>das Notizbuch unter {notebook} ist schreibgeschützt (seine Datei oder sein Ordner ist nicht beschreibbar); nichts wurde geändert</translation>
    </message>
    <message>
        <source>ckbook: created a new notebook at {notebook}</source>
        <translation>ckbook: neues Notizbuch angelegt unter {notebook}</translation>
    </message>
    <message>
        <source>unrecognized arguments: {arguments}</source>
        <extracomment>Arguments that name files: any bytes the file system allows, so they are not checked as text.</extracomment>
        <translation>unbekannte Argumente: {arguments}</translation>
    </message>
    <message>
        <source>a number is out of range: {why}</source>
        <translation>eine Zahl liegt außerhalb des gültigen Bereichs: {why}</translation>
    </message>
</context>
</TS>
