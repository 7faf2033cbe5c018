<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>Open the ckbook notebook window.</source>
        <translation>Das ckbook-Notizbuchfenster öffnen.</translation>
    </message>
    <message>
        <source>SQLite file (or postgresql:// URL); default: CKBOOK_DB or the user data folder</source>
        <translation>SQLite-Datei (oder postgresql://-URL); Vorgabe: CKBOOK_DB oder der Datenordner des Benutzers</translation>
    </message>
    <message>
        <source>start the clock at this ISO instant; it then runs on (demos, tests)</source>
        <translation>die Uhr bei diesem ISO-Zeitpunkt starten; sie läuft dann weiter (Vorführungen, Tests)</translation>
    </message>
    <message>
        <source>start in the tray without opening the window (start at login); opens the window when there is no tray</source>
        <translation>im Systembereich starten, ohne das Fenster zu öffnen (Start bei der Anmeldung); öffnet das Fenster, wenn es keinen Systembereich gibt</translation>
    </message>
    <message>
        <source>open this client&apos;s card (in the window already open on this notebook, if any)</source>
        <translation>die Kundenkarte dieses Kunden öffnen (im Fenster, das dieses Notizbuch schon geöffnet hat, falls vorhanden)</translation>
    </message>
    <message>
        <source>Created a new notebook at {location}</source>
        <translation>Neues Notizbuch angelegt: {location}</translation>
    </message>
    <message>
        <source>ckbook cannot open the notebook</source>
        <translation>ckbook kann das Notizbuch nicht öffnen</translation>
    </message>
    <message>
        <source>ckbook is already running on this notebook ({holder}) but does not answer. Close it (or end that process) and start ckbook again.</source>
        <translation>ckbook läuft bereits mit diesem Notizbuch ({holder}), antwortet aber nicht. Schließen Sie es (oder beenden Sie diesen Prozess) und starten Sie ckbook erneut.</translation>
    </message>
    <message>
        <source>ckbook: error: {message}</source>
        <translation>ckbook: Fehler: {message}</translation>
    </message>
    <message>
        <source>Restore the backup of {made} ({counts})</source>
        <translation>Sicherung von {made} wiederherstellen ({counts})</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>The automatic backup failed: {why}. Your notebook is fine.</source>
        <translation>Die automatische Sicherung ist fehlgeschlagen: {why}. Ihr Notizbuch ist unversehrt.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Choose the backup to go back to. The notebook as it is now is kept as a safety copy beside it.</source>
        <translation>Wählen Sie die Sicherung, zu der Sie zurückkehren möchten. Das Notizbuch in seinem jetzigen Zustand bleibt als Sicherheitskopie daneben erhalten.</translation>
    </message>
    <message>
        <source>There are no backups of this notebook yet.</source>
        <translation>Von diesem Notizbuch gibt es noch keine Sicherungen.</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>Aus Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Restored from the backup; the notebook as it was is kept in {path}</source>
        <translation>Aus der Sicherung wiederhergestellt; das Notizbuch im vorherigen Zustand liegt in {path}</translation>
    </message>
    <message>
        <source>Restored from the backup</source>
        <translation>Aus der Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>Reminder</source>
        <extracomment>(action key, button label) pairs; the key comes back in ``actionChosen``. True when the banner has something to show, False when it went empty.</extracomment>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Dismiss reminder</source>
        <translation>Erinnerung schließen</translation>
    </message>
    <message>
        <source>Dismiss this reminder</source>
        <translation>Diese Erinnerung schließen</translation>
    </message>
    <message>
        <source>1 of {count}</source>
        <translation>1 von {count}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>open promises (column)</comment>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Check-in health: on time, time to check in, overdue</source>
        <translation>Kontaktzustand: pünktlich, Kontakt fällig, überfällig</translation>
    </message>
    <message>
        <source>When the next open promise is due</source>
        <translation>Wann die nächste offene Zusage fällig ist</translation>
    </message>
    <message>
        <source>Open promises</source>
        <translation>Offene Zusagen</translation>
    </message>
    <message>
        <source>never</source>
        <comment>last contact</comment>
        <translation>nie</translation>
    </message>
    <message>
        <source>No check-in cadence while {status}</source>
        <translation>Kein Kontaktrhythmus im Status „{status}“</translation>
    </message>
    <message>
        <source>Check-in due {due} ({level} attention)</source>
        <translation>Kontakt fällig {due} (Betreuungsstufe {level})</translation>
    </message>
    <message>
        <source>6 days late</source>
        <extracomment>Changes that never alter a list row and name no client.</extracomment>
        <translation>6 Tage zu spät</translation>
    </message>
    <message>
        <source>Filter: name, organisation, email, phone, tag</source>
        <extracomment>Enter or double-click: the user wants to work with this client now. Every row was (re)built and is shown (a background load landed, or a reload was done).</extracomment>
        <translation>Filter: Name, Organisation, E-Mail, Telefon, Schlagwort</translation>
    </message>
    <message>
        <source>Filter clients</source>
        <translation>Kunden filtern</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Show only clients with this status</source>
        <translation>Nur Kunden mit diesem Status zeigen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Schlagwortfilter</translation>
    </message>
    <message>
        <source>Show only clients with this tag</source>
        <translation>Nur Kunden mit diesem Schlagwort zeigen</translation>
    </message>
    <message>
        <source>Clients shown</source>
        <translation>Angezeigte Kunden</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message numerus="yes">
        <source>%n clients</source>
        <translation>
            <numerusform>%n Kunde</numerusform>
            <numerusform>%n Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n clients</source>
        <translation>
            <numerusform>{shown} von %n Kunde</numerusform>
            <numerusform>{shown} von %n Kunden</numerusform>
        </translation>
    </message>
    <message>
        <source>ckbook — something went wrong</source>
        <translation>ckbook – etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>The details are also in the log: {path}</source>
        <translation>Die Einzelheiten stehen auch im Protokoll: {path}</translation>
    </message>
    <message>
        <source>There is no log file (its folder cannot be written); copy the details instead.</source>
        <translation>Es gibt keine Protokolldatei (ihr Ordner ist nicht beschreibbar); kopieren Sie stattdessen die Einzelheiten.</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Einzelheiten &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the details to paste them into a message to us</source>
        <translation>Die Einzelheiten kopieren, um sie in eine Nachricht an uns einzufügen</translation>
    </message>
    <message>
        <source>Open log &amp;folder</source>
        <translation>Protokoll&amp;ordner öffnen</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Something went wrong inside ckbook (our mistake, not yours). What you stored is safe and the window keeps running; if the same thing keeps happening, please send us the details.</source>
        <translation>In ckbook ist etwas schiefgegangen (unser Fehler, nicht Ihrer). Was Sie gespeichert haben, ist sicher, und das Fenster läuft weiter; wenn das immer wieder passiert, senden Sie uns bitte die Einzelheiten.</translation>
    </message>
    <message>
        <source>ckbook stopped unexpectedly the last time it ran. What was saved before then is kept; please send us the details so we can fix it.</source>
        <translation>ckbook wurde beim letzten Mal unerwartet beendet. Was bis dahin gespeichert war, bleibt erhalten; bitte senden Sie uns die Einzelheiten, damit wir den Fehler beheben können.</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;Neuer Kunde…</translation>
    </message>
    <message>
        <source>Add a client</source>
        <translation>Einen Kunden hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Save now</source>
        <translation>Jetzt &amp;speichern</translation>
    </message>
    <message>
        <source>Write every pending edit now</source>
        <translation>Alle ausstehenden Änderungen jetzt schreiben</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Save everything and quit</source>
        <translation>Alles speichern und beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Die letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search notes and clients</source>
        <translation>Notizen und Kunden durchsuchen</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Reminders and more</source>
        <translation>Erinnerungen und mehr</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>What needs you today</source>
        <translation>Was heute Ihre Aufmerksamkeit braucht</translation>
    </message>
    <message>
        <source>&amp;Clients</source>
        <translation>&amp;Kunden</translation>
    </message>
    <message>
        <source>The client list</source>
        <translation>Die Kundenliste</translation>
    </message>
    <message>
        <source>&amp;Go to client…</source>
        <translation>Kunden &amp;aufrufen…</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>Einen Kunden finden</translation>
    </message>
    <message>
        <source>&amp;Call note</source>
        <translation>Gesprächs&amp;notiz</translation>
    </message>
    <message>
        <source>Start a call note</source>
        <translation>Eine Gesprächsnotiz beginnen</translation>
    </message>
    <message>
        <source>Add &amp;promise</source>
        <translation>&amp;Zusage hinzufügen</translation>
    </message>
    <message>
        <source>Add a promise to the open client</source>
        <translation>Dem geöffneten Kunden eine Zusage hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Money terms…</source>
        <translation>&amp;Konditionen…</translation>
    </message>
    <message>
        <source>Record money terms</source>
        <translation>Konditionen erfassen</translation>
    </message>
    <message>
        <source>Mer&amp;ge another client into this one…</source>
        <translation>Anderen Kunden &amp;mit diesem zusammenführen…</translation>
    </message>
    <message>
        <source>Make two cards of one person one</source>
        <translation>Zwei Karten derselben Person zu einer machen</translation>
    </message>
    <message>
        <source>&amp;Delete client…</source>
        <translation>Kunden &amp;löschen…</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>Kunden löschen</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <source>How ckbook works</source>
        <translation>Wie ckbook funktioniert</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every key of the window</source>
        <translation>Alle Tasten des Fensters</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Where ckbook writes what went wrong (to send us)</source>
        <translation>Wo ckbook festhält, was schiefging (zum Senden an uns)</translation>
    </message>
    <message>
        <source>&amp;About ckbook</source>
        <translation>Ü&amp;ber ckbook</translation>
    </message>
    <message>
        <source>About ckbook</source>
        <translation>Über ckbook</translation>
    </message>
    <message>
        <source>keys</source>
        <extracomment>Shortcuts that work even while a text field has focus (a field must not swallow them). The client list&apos;s share of the window when nothing was saved: its columns at 1280, and never so much that the card gets less than this.</extracomment>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>does</source>
        <translation>bewirkt</translation>
    </message>
    <message>
        <source>Ctrl+K, Ctrl+F, Ctrl+N and the others work while you type in a field too.</source>
        <translation>Strg+K, Strg+F, Strg+N und die anderen wirken auch, während Sie in einem Feld schreiben.</translation>
    </message>
    <message>
        <source>{title} (read-only)</source>
        <translation>{title} (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Read-only: your database role may read this notebook but not change it; nothing can be saved</source>
        <translation>Schreibgeschützt: Ihre Datenbankrolle darf dieses Notizbuch lesen, aber nicht ändern; nichts kann gespeichert werden</translation>
    </message>
    <message>
        <source>Read-only: this notebook&apos;s file or folder cannot be written; nothing can be saved</source>
        <translation>Schreibgeschützt: Die Datei oder der Ordner dieses Notizbuchs ist nicht beschreibbar; nichts kann gespeichert werden</translation>
    </message>
    <message>
        <source>Offline — retrying</source>
        <translation>Offline – neuer Versuch läuft</translation>
    </message>
    <message>
        <source>Settings are not available yet.</source>
        <translation>Einstellungen sind noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Kunde</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Opened the client already in your notebook; nothing added</source>
        <translation>Den Kunden geöffnet, der schon in Ihrem Notizbuch steht; nichts hinzugefügt</translation>
    </message>
    <message>
        <source>Added {name}</source>
        <translation>{name} hinzugefügt</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <source>Add a promise for…</source>
        <translation>Zusage hinzufügen für…</translation>
    </message>
    <message>
        <source>Merge into {name}</source>
        <translation>Mit {name} zusammenführen</translation>
    </message>
    <message>
        <source>That is this client; pick the other card of the same person</source>
        <translation>Das ist dieser Kunde; wählen Sie die andere Karte derselben Person</translation>
    </message>
    <message>
        <source>merge {other} into {name}</source>
        <translation>{other} mit {name} zusammenführen</translation>
    </message>
    <message>
        <source>Merged {other} into {name}. Undo (Ctrl+Z) separates them again.</source>
        <translation>{other} mit {name} zusammengeführt. Rückgängig (Strg+Z) trennt sie wieder.</translation>
    </message>
    <message>
        <source>delete {name}</source>
        <translation>{name} löschen</translation>
    </message>
    <message>
        <source>Deleted {name}. Undo (Ctrl+Z) brings them back.</source>
        <translation>{name} gelöscht. Rückgängig (Strg+Z) holt den Kunden zurück.</translation>
    </message>
    <message>
        <source>The note editor is not available yet.</source>
        <translation>Der Notizeditor ist noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Call note with…</source>
        <translation>Gesprächsnotiz mit…</translation>
    </message>
    <message>
        <source>Call notes are not available yet.</source>
        <translation>Gesprächsnotizen sind noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Today is not available yet.</source>
        <translation>„Heute“ ist noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Everything is saved.</source>
        <translation>Alles ist gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Rückgängig: {what}</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Undone: {what}</source>
        <translation>Rückgängig gemacht: {what}</translation>
    </message>
    <message>
        <source>The notebook&apos;s server cannot be reached ({reason}). ckbook keeps trying; what you type is kept and saved once the server is back.</source>
        <translation>Der Server des Notizbuchs ist nicht erreichbar ({reason}). ckbook versucht es weiter; was Sie tippen, bleibt erhalten und wird gespeichert, sobald der Server wieder da ist.</translation>
    </message>
    <message>
        <source>Back online: the notebook&apos;s server can be reached again</source>
        <translation>Wieder online: Der Server des Notizbuchs ist wieder erreichbar</translation>
    </message>
    <message>
        <source>ckbook — user guide</source>
        <translation>ckbook – Handbuch</translation>
    </message>
    <message>
        <source>ckbook — keyboard shortcuts</source>
        <translation>ckbook – Tastenkürzel</translation>
    </message>
    <message>
        <source>The log folder is {folder}</source>
        <translation>Der Protokollordner ist {folder}</translation>
    </message>
    <message>
        <source>A notebook for the clients you serve.</source>
        <translation>Ein Notizbuch für die Kunden, die Sie betreuen.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Some edits could not be saved (see the message on the card). Quit anyway?</source>
        <translation>Einige Änderungen konnten nicht gespeichert werden (siehe die Meldung auf der Karte). Trotzdem beenden?</translation>
    </message>
    <message>
        <source>Welcome to ckbook</source>
        <translation>Willkommen bei ckbook</translation>
    </message>
    <message>
        <source>Your notebook is empty. Start with the people you serve: each client gets an attention profile, money terms agreed up front, call notes and every promise you make them.</source>
        <translation>Ihr Notizbuch ist leer. Beginnen Sie mit den Menschen, die Sie betreuen: Jeder Kunde erhält eine Betreuungsstufe, im Voraus vereinbarte Konditionen, Gesprächsnotizen und jede Zusage, die Sie ihm machen.</translation>
    </message>
    <message>
        <source>Add your first client</source>
        <translation>Ihren ersten Kunden hinzufügen</translation>
    </message>
    <message>
        <source>A name, how much attention they need, and the money terms (Ctrl+N)</source>
        <translation>Ein Name, wie viel Betreuung er braucht, und die Konditionen (Strg+N)</translation>
    </message>
    <message>
        <source>Import your contacts</source>
        <translation>Ihre Kontakte importieren</translation>
    </message>
    <message>
        <source>From a vCard or CSV file saved by your phone, Google Contacts or Outlook; you see what will be added before anything is</source>
        <translation>Aus einer vCard- oder CSV-Datei von Ihrem Telefon, Google Kontakte oder Outlook; Sie sehen, was hinzukommt, bevor etwas hinzugefügt wird</translation>
    </message>
    <message>
        <source>Try the demo notebook</source>
        <translation>Das Demo-Notizbuch ausprobieren</translation>
    </message>
    <message>
        <source>Sixty made-up clients with notes and promises, in a separate notebook opened in a new window; yours stays as it is</source>
        <translation>Sechzig erfundene Kunden mit Notizen und Zusagen, in einem eigenen Notizbuch in einem neuen Fenster; Ihres bleibt, wie es ist</translation>
    </message>
    <message>
        <source>This notebook: {location}</source>
        <translation>Dieses Notizbuch: {location}</translation>
    </message>
    <message>
        <source>Making the demo notebook…</source>
        <translation>Das Demo-Notizbuch wird angelegt…</translation>
    </message>
    <message>
        <source>exit {code}</source>
        <translation>Exit-Code {code}</translation>
    </message>
    <message>
        <source>The demo notebook could not be made: {why}</source>
        <translation>Das Demo-Notizbuch konnte nicht angelegt werden: {why}</translation>
    </message>
    <message>
        <source>The demo notebook opens in a new window ({path})</source>
        <translation>Das Demo-Notizbuch öffnet sich in einem neuen Fenster ({path})</translation>
    </message>
    <message>
        <source>The demo notebook&apos;s window could not be started</source>
        <translation>Das Fenster des Demo-Notizbuchs konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message numerus="yes">
        <source>The text of %n notes could not be saved ({why}). It is kept in {path} — copy it back into the note, then delete that file.</source>
        <translation>
            <numerusform>Der Text von %n Notiz konnte nicht gespeichert werden ({why}). Er liegt in {path} – kopieren Sie ihn zurück in die Notiz und löschen Sie dann diese Datei.</numerusform>
            <numerusform>Der Text von %n Notizen konnte nicht gespeichert werden ({why}). Er liegt in {path} – kopieren Sie ihn zurück in die Notizen und löschen Sie dann diese Datei.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text of %n notes could not be saved. It is kept in {path} — copy it back into the note, then delete that file.</source>
        <translation>
            <numerusform>Der Text von %n Notiz konnte nicht gespeichert werden. Er liegt in {path} – kopieren Sie ihn zurück in die Notiz und löschen Sie dann diese Datei.</numerusform>
            <numerusform>Der Text von %n Notizen konnte nicht gespeichert werden. Er liegt in {path} – kopieren Sie ihn zurück in die Notizen und löschen Sie dann diese Datei.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text of %n notes could not be saved ({why}), and no recovery file could be written either; the text is in ckbook&apos;s log (standard error).</source>
        <translation>
            <numerusform>Der Text von %n Notiz konnte nicht gespeichert werden ({why}), und auch eine Wiederherstellungsdatei ließ sich nicht schreiben; der Text steht im Protokoll von ckbook (Standardfehlerausgabe).</numerusform>
            <numerusform>Der Text von %n Notizen konnte nicht gespeichert werden ({why}), und auch eine Wiederherstellungsdatei ließ sich nicht schreiben; der Text steht im Protokoll von ckbook (Standardfehlerausgabe).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text of %n notes could not be saved, and no recovery file could be written either; the text is in ckbook&apos;s log (standard error).</source>
        <translation>
            <numerusform>Der Text von %n Notiz konnte nicht gespeichert werden, und auch eine Wiederherstellungsdatei ließ sich nicht schreiben; der Text steht im Protokoll von ckbook (Standardfehlerausgabe).</numerusform>
            <numerusform>Der Text von %n Notizen konnte nicht gespeichert werden, und auch eine Wiederherstellungsdatei ließ sich nicht schreiben; der Text steht im Protokoll von ckbook (Standardfehlerausgabe).</numerusform>
        </translation>
    </message>
    <message>
        <source>ckbook could not save the text below to the notebook.</source>
        <translation>ckbook konnte den folgenden Text nicht im Notizbuch speichern.</translation>
    </message>
    <message>
        <source>Notebook: {location}</source>
        <translation>Notizbuch: {location}</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Written: {when}</source>
        <translation>Geschrieben: {when}</translation>
    </message>
    <message>
        <source>Copy each text back into its note (open the note in ckbook and paste), then delete this file.</source>
        <translation>Kopieren Sie jeden Text zurück in seine Notiz (Notiz in ckbook öffnen und einfügen) und löschen Sie dann diese Datei.</translation>
    </message>
    <message>
        <source>not saved: {why}</source>
        <translation>nicht gespeichert: {why}</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>mood: {mood}</source>
        <translation>Stimmung: {mood}</translation>
    </message>
    <message>
        <source>duration: {minutes} min {seconds} s</source>
        <translation>Dauer: {minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{title} (note {id})</source>
        <extracomment>The kept notes changed (PendingNotes); may be emitted from the writer thread. A kept note&apos;s text was finally written: what changed (tuple of Changed). Arrives on the GUI thread, so a plain function may broadcast it.</extracomment>
        <translation>{title} (Notiz {id})</translation>
    </message>
    <message>
        <source>note {id}</source>
        <translation>Notiz {id}</translation>
    </message>
    <message>
        <source>Not saved — {why}; retrying</source>
        <extracomment>A save found the note changed (or deleted) by someone else: the Conflict. The text stays here, unsaved; timers stop saving it until ``resolve`` (the editor offers the choice).</extracomment>
        <translation>Nicht gespeichert – {why}; neuer Versuch folgt</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Gespeichert {time}</translation>
    </message>
    <message>
        <source>Not saved — changed by someone else; your text is kept: save (Ctrl+S) to choose</source>
        <translation>Nicht gespeichert – von jemand anderem geändert; Ihr Text bleibt erhalten: Speichern (Strg+S), um zu wählen</translation>
    </message>
    <message>
        <source>Not saved — {why}</source>
        <translation>Nicht gespeichert – {why}</translation>
    </message>
    <message numerus="yes">
        <source>{status} (%n notes)</source>
        <translation>
            <numerusform>{status} (%n Notiz)</numerusform>
            <numerusform>{status} (%n Notizen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier notes not saved — {why}; retrying</source>
        <translation>
            <numerusform>%n frühere Notiz nicht gespeichert – {why}; neuer Versuch folgt</numerusform>
            <numerusform>%n frühere Notizen nicht gespeichert – {why}; neuer Versuch folgt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier notes not saved; retrying</source>
        <translation>
            <numerusform>%n frühere Notiz nicht gespeichert; neuer Versuch folgt</numerusform>
            <numerusform>%n frühere Notizen nicht gespeichert; neuer Versuch folgt</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: your database role may read this notebook but not change it. Ask the notebook&apos;s owner for the rights (ckbook team grant).</source>
        <extracomment>The longest a use-case run on the GUI thread waits for another process&apos;s write lock. (level, text): level is &quot;info&quot;, &quot;warning&quot; or &quot;error&quot;; the main window shows it. The notebook&apos;s file or folder cannot be written: it is shown, not changed.</extracomment>
        <translation>Nicht gespeichert: Ihre Datenbankrolle darf dieses Notizbuch lesen, aber nicht ändern. Bitten Sie den Eigentümer des Notizbuchs um die Rechte (ckbook team grant).</translation>
    </message>
    <message>
        <source>Not saved: this notebook&apos;s file or folder cannot be written.</source>
        <translation>Nicht gespeichert: Die Datei oder der Ordner dieses Notizbuchs ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>Not saved: {why}. Your input is kept.</source>
        <translation>Nicht gespeichert: {why}. Ihre Eingabe bleibt erhalten.</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>reminder action</comment>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Done</source>
        <comment>reminder action</comment>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Snooze 15 min</source>
        <translation>15 Min. später</translation>
    </message>
    <message>
        <source>Snooze 1 h</source>
        <translation>1 Std. später</translation>
    </message>
    <message>
        <source>Tomorrow 09:00</source>
        <translation>Morgen 09:00</translation>
    </message>
    <message>
        <source>Snoozed for 15 minutes: {what}</source>
        <extracomment>Snooze action key -&gt; ``reminder_rules.snooze_until`` choice.</extracomment>
        <translation>Um 15 Minuten verschoben: {what}</translation>
    </message>
    <message>
        <source>Snoozed for 1 hour: {what}</source>
        <translation>Um 1 Stunde verschoben: {what}</translation>
    </message>
    <message>
        <source>Snoozed until tomorrow 09:00: {what}</source>
        <translation>Auf morgen 09:00 verschoben: {what}</translation>
    </message>
    <message>
        <source>desktop notifications</source>
        <translation>Desktop-Benachrichtigungen</translation>
    </message>
    <message>
        <source>the tray icon&apos;s messages</source>
        <translation>die Meldungen des Symbols im Systembereich</translation>
    </message>
    <message>
        <source>a banner in the ckbook window</source>
        <translation>ein Banner im ckbook-Fenster</translation>
    </message>
    <message>
        <source>Show what&apos;s due</source>
        <extracomment>key, route value: a reminder (or batch, or test) was shown. The reminders the daemon closed unseen and the user has not acted on (tuple[Occurrence]). pop-up key → the occurrence it shows (None for a batch or the test). pop-up key → the occurrence it showed, closed unseen and not acted on yet.</extracomment>
        <translation>Fälliges zeigen</translation>
    </message>
    <message>
        <source>Reminders reach you through {route}.</source>
        <translation>Erinnerungen erreichen Sie über {route}.</translation>
    </message>
    <message>
        <source>ckbook test reminder</source>
        <translation>ckbook-Testerinnerung</translation>
    </message>
    <message>
        <source>Open ckbook</source>
        <extracomment>Quit for real (SIGTERM, logout): a close now must not hide the window into the tray. Set while the user&apos;s Quit runs: that close is not a close into the tray.</extracomment>
        <translation>ckbook öffnen</translation>
    </message>
    <message>
        <source>Done: {what}</source>
        <translation>Erledigt: {what}</translation>
    </message>
    <message>
        <source>Go to client</source>
        <translation>Kunden aufrufen</translation>
    </message>
    <message>
        <source>Matching clients</source>
        <translation>Passende Kunden</translation>
    </message>
    <message>
        <source>Type part of a name or organisation — Enter opens</source>
        <translation>Teil eines Namens oder einer Organisation eingeben – Eingabe öffnet</translation>
    </message>
    <message>
        <source>Find client</source>
        <translation>Kunden finden</translation>
    </message>
    <message>
        <source>No clients yet — Ctrl+N adds one.</source>
        <translation>Noch keine Kunden – Strg+N fügt einen hinzu.</translation>
    </message>
    <message>
        <source>No client matches.</source>
        <translation>Kein Kunde passt.</translation>
    </message>
    <message>
        <source>↑↓ choose · Enter open · Esc close</source>
        <translation>↑↓ wählen · Eingabe öffnen · Esc schließen</translation>
    </message>
    <message>
        <source>Reminders shown but not recorded: {why}. Will retry.</source>
        <extracomment>The timer never sleeps longer than this: the once-a-minute re-check. More reminders than this at once are shown as one batch. Lines listed in a batch pop-up before &quot;and N more&quot;. Changes to the notebook are gathered this long before a re-check (autosave fires often). A moved stamp (any write) reads everything again once the last full read is this old. Read everything again (the first check, settings changed, a change naming no client). Clients a change of this process named since the last check: their reminders are read again. This process wrote since the last check (so a moved stamp is not someone else&apos;s write). Build the tray&apos;s report even when nothing moved (a new day). Whose reminders (``reminders.whose_reminders``): None for everyone&apos;s. The latest &quot;what needs attention&quot; (for the tray&apos;s badge, tooltip and menu). Reminders paused until this instant, or None when they run. How many pop-ups a check produced (a batch counts as one). Shown but not yet confirmed recorded: never shown twice meanwhile. Being claimed (asked of the worker, no answer yet): not asked for again meanwhile. Shown under a claim whose confirmation could not be written yet (retried).</extracomment>
        <translation>Erinnerungen angezeigt, aber nicht vermerkt: {why}. Neuer Versuch folgt.</translation>
    </message>
    <message numerus="yes">
        <source>and %n more — open ckbook to see them all</source>
        <translation>
            <numerusform>und %n weitere – öffnen Sie ckbook, um alle zu sehen</numerusform>
            <numerusform>und %n weitere – öffnen Sie ckbook, um alle zu sehen</numerusform>
        </translation>
    </message>
    <message>
        <source>ckbook is still running</source>
        <translation>ckbook läuft weiter</translation>
    </message>
    <message>
        <source>ckbook keeps running in the tray so reminders can reach you. To quit, choose Quit in the tray icon&apos;s menu.</source>
        <translation>ckbook läuft im Systembereich weiter, damit Erinnerungen Sie erreichen. Zum Beenden wählen Sie „Beenden“ im Menü des Symbols.</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Could not change start at login: {why}</source>
        <translation>Der Start bei der Anmeldung ließ sich nicht ändern: {why}</translation>
    </message>
    <message>
        <source>Client</source>
        <comment>search result</comment>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Promise</source>
        <comment>search result</comment>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Note</source>
        <comment>search result</comment>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Search unavailable: {why}</source>
        <extracomment>(generation, hits as a tuple of SearchHit, milliseconds taken) (generation, what went wrong, worded for the user)</extracomment>
        <translation>Suche nicht verfügbar: {why}</translation>
    </message>
    <message>
        <source>Search notes, promises and clients — &quot;a phrase&quot;, propos*</source>
        <translation>Notizen, Zusagen und Kunden durchsuchen – &quot;eine Wortgruppe&quot;, Angeb*</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message numerus="yes">
        <source>%n+ found</source>
        <translation>
            <numerusform>%n+ gefunden</numerusform>
            <numerusform>%n+ gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n gefunden</numerusform>
            <numerusform>%n gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nichts gefunden</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <comment>colour scheme</comment>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <comment>colour scheme</comment>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>ckbook settings</source>
        <translation>ckbook-Einstellungen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Default remind-before in minutes</source>
        <translation>Standard-Vorlauf der Erinnerung in Minuten</translation>
    </message>
    <message>
        <source>How long before a promise with a time of day you are reminded. Promises with only a date remind at 09:00 on the day.</source>
        <translation>Wie lange vor einer Zusage mit Uhrzeit Sie erinnert werden. Zusagen nur mit Datum erinnern am Tag selbst um 09:00.</translation>
    </message>
    <message>
        <source>Hold pop-ups during quiet hours</source>
        <translation>Während der Ruhezeit keine Einblendungen</translation>
    </message>
    <message>
        <source>Quiet hours from</source>
        <translation>Ruhezeit von</translation>
    </message>
    <message>
        <source>Quiet hours until</source>
        <translation>Ruhezeit bis</translation>
    </message>
    <message>
        <source>to</source>
        <comment>from … to …</comment>
        <translation>bis</translation>
    </message>
    <message>
        <source>Overdue promises</source>
        <translation>Überfällige Zusagen</translation>
    </message>
    <message>
        <source>Messages awaiting a late reply</source>
        <translation>Anfragen, deren Antwort überfällig ist</translation>
    </message>
    <message>
        <source>Promises coming due</source>
        <translation>Bald fällige Zusagen</translation>
    </message>
    <message>
        <source>Clients to check in with</source>
        <translation>Kunden, bei denen ein Kontakt ansteht</translation>
    </message>
    <message>
        <source>End of business</source>
        <translation>Geschäftsschluss</translation>
    </message>
    <message>
        <source>What EOD, COB, “close of business” and “end of play” mean in a promise line.</source>
        <translation>Was „EOD“, „COB“, „Geschäftsschluss“ und „Feierabend“ in einer Zusage bedeuten.</translation>
    </message>
    <message>
        <source>Closing the window keeps ckbook running in the tray</source>
        <translation>Beim Schließen des Fensters läuft ckbook im Systembereich weiter</translation>
    </message>
    <message>
        <source>This desktop has no tray: closing the window quits ckbook.</source>
        <translation>Diese Arbeitsumgebung hat keinen Systembereich: Das Schließen des Fensters beendet ckbook.</translation>
    </message>
    <message>
        <source>Start ckbook when I log in</source>
        <translation>ckbook bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Colour scheme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Written as the author of your notes and promises.</source>
        <translation>Wird als Verfasser Ihrer Notizen und Zusagen eingetragen.</translation>
    </message>
    <message>
        <source>Show everyone&apos;s reminders</source>
        <translation>Erinnerungen aller anzeigen</translation>
    </message>
    <message>
        <source>Off: you are reminded of your own promises only (and of check-ins).</source>
        <translation>Aus: Sie werden nur an Ihre eigenen Zusagen erinnert (und an Kontakte).</translation>
    </message>
    <message>
        <source>Signed in as {name}</source>
        <translation>Angemeldet als {name}</translation>
    </message>
    <message>
        <source>Send a test reminder</source>
        <translation>Testerinnerung senden</translation>
    </message>
    <message>
        <source>Remind before a due time</source>
        <translation>Erinnerung vor der Fälligkeit</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Ruhezeit</translation>
    </message>
    <message>
        <source>End of business (EOD, COB)</source>
        <translation>Geschäftsschluss (EOD, COB)</translation>
    </message>
    <message>
        <source>Keep on screen until seen</source>
        <translation>Sichtbar lassen, bis gesehen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Quiet hours start and end at the same time; pick two different times.</source>
        <translation>Die Ruhezeit beginnt und endet zur selben Uhrzeit; wählen Sie zwei verschiedene Uhrzeiten.</translation>
    </message>
    <message>
        <source>Sent. Reminders reach you through {route}.</source>
        <translation>Gesendet. Erinnerungen erreichen Sie über {route}.</translation>
    </message>
    <message>
        <source>process {pid}</source>
        <extracomment>How long a second launch keeps trying to reach the first (it may be starting up). One exchange (send the request, read the answer) may take this long. The longest request line the first launch reads (a request is a few dozen bytes). Started for the tray (start at login): nothing to bring forward.</extracomment>
        <translation>Prozess {pid}</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>ein anderer Prozess</translation>
    </message>
    <message>
        <source>on time</source>
        <comment>check-in health</comment>
        <translation>pünktlich</translation>
    </message>
    <message>
        <source>check in</source>
        <comment>check-in health</comment>
        <translation>Kontakt fällig</translation>
    </message>
    <message>
        <source>overdue</source>
        <comment>check-in health</comment>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>no due</source>
        <comment>promise state</comment>
        <translation>ohne Fälligkeit</translation>
    </message>
    <message>
        <source>upcoming</source>
        <comment>promise state</comment>
        <translation>anstehend</translation>
    </message>
    <message>
        <source>due today</source>
        <comment>promise state</comment>
        <translation>heute fällig</translation>
    </message>
    <message>
        <source>overdue</source>
        <comment>promise state</comment>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>promise state</comment>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>vCard 4.0 — clients (*.vcf)</source>
        <extracomment>At most this many skipped records are listed in a message box; the rest are counted.</extracomment>
        <translation>vCard 4.0 – Kunden (*.vcf)</translation>
    </message>
    <message>
        <source>vCard 3.0 — clients, for older programs (*.vcf)</source>
        <translation>vCard 3.0 – Kunden, für ältere Programme (*.vcf)</translation>
    </message>
    <message>
        <source>CSV — clients with profile and money terms (*.csv)</source>
        <translation>CSV – Kunden mit Profil und Konditionen (*.csv)</translation>
    </message>
    <message>
        <source>iCalendar — open promises and check-ins as to-dos (*.ics)</source>
        <translation>iCalendar – offene Zusagen und Kontakte als Aufgaben (*.ics)</translation>
    </message>
    <message>
        <source>iCalendar — promises and check-ins as events (*.ics)</source>
        <translation>iCalendar – Zusagen und Kontakte als Termine (*.ics)</translation>
    </message>
    <message>
        <source>JSON — the whole notebook (*.json)</source>
        <translation>JSON – das ganze Notizbuch (*.json)</translation>
    </message>
    <message>
        <source>Contacts and exports (*.vcf *.vcard *.csv *.txt *.json)</source>
        <translation>Kontakte und Exporte (*.vcf *.vcard *.csv *.txt *.json)</translation>
    </message>
    <message>
        <source>ckbook JSON export (*.json)</source>
        <translation>ckbook-JSON-Export (*.json)</translation>
    </message>
    <message>
        <source>{file} is written as {typed}, as its name says, although the type chosen was {chosen}.</source>
        <extracomment>Format names as the warning says them. A job shows its progress dialog once it has taken this long.</extracomment>
        <translation>{file} wird als {typed} geschrieben, wie der Name sagt, obwohl {chosen} als Typ gewählt war.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{file}: %n records cannot be imported. Import the others ({counts}) and skip these?</source>
        <translation>
            <numerusform>{file}: %n Eintrag kann nicht importiert werden. Die übrigen ({counts}) importieren und diesen überspringen?</numerusform>
            <numerusform>{file}: %n Einträge können nicht importiert werden. Die übrigen ({counts}) importieren und diese überspringen?</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: {counts}. Import?</source>
        <translation>{file}: {counts}. Importieren?</translation>
    </message>
    <message numerus="yes">
        <source>New (%n): {names}</source>
        <translation>
            <numerusform>Neu (%n): {names}</numerusform>
            <numerusform>Neu (%n): {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Import the others</source>
        <translation>Die übrigen importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <extracomment>The finished job&apos;s result (ImportReport or ExportResult); also emitted for a dry run. What went wrong, once a job failed.</extracomment>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Add or update clients from a vCard or CSV file, or restore a JSON export</source>
        <translation>Kunden aus einer vCard- oder CSV-Datei hinzufügen oder aktualisieren oder einen JSON-Export wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Write clients, to-dos or the whole notebook to a file</source>
        <translation>Kunden, Aufgaben oder das ganze Notizbuch in eine Datei schreiben</translation>
    </message>
    <message>
        <source>Not done: {why}</source>
        <translation>Nicht ausgeführt: {why}</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Die Datei wird gelesen…</translation>
    </message>
    <message>
        <source>{file}: nothing to import ({counts}).</source>
        <translation>{file}: nichts zu importieren ({counts}).</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>{file} wird importiert…</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Export nach {file}…</translation>
    </message>
    <message numerus="yes">
        <source>(%n snoozed)</source>
        <extracomment>At most this many items in the menu; the rest are one &quot;… more&quot; entry that opens the window. A missed reminder picked from the menu (its pop-up key).</extracomment>
        <translation>
            <numerusform>(%n verschoben)</numerusform>
            <numerusform>(%n verschoben)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminders went by unseen</source>
        <translation>
            <numerusform>%n Erinnerung blieb ungesehen</numerusform>
            <numerusform>%n Erinnerungen blieben ungesehen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders paused until {time}</source>
        <translation>Erinnerungen pausiert bis {time}</translation>
    </message>
    <message>
        <source>Overdue: {client} — {promise}</source>
        <translation>Überfällig: {client} – {promise}</translation>
    </message>
    <message>
        <source>Due today: {client} — {promise}</source>
        <translation>Heute fällig: {client} – {promise}</translation>
    </message>
    <message>
        <source>Check in with {client}</source>
        <translation>Kontakt mit {client} aufnehmen</translation>
    </message>
    <message>
        <source>Reply to {client} — {request}</source>
        <translation>{client} antworten – {request}</translation>
    </message>
    <message>
        <source>Missed: {title} — {body}</source>
        <translation>Verpasst: {title} – {body}</translation>
    </message>
    <message numerus="yes">
        <source>%n more… (open ckbook)</source>
        <translation>
            <numerusform>%n weiterer… (ckbook öffnen)</numerusform>
            <numerusform>%n weitere… (ckbook öffnen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing needs you right now</source>
        <translation>Gerade braucht nichts Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <source>New call note…</source>
        <translation>Neue Gesprächsnotiz…</translation>
    </message>
    <message>
        <source>Pause reminders for 1 hour</source>
        <translation>Erinnerungen 1 Stunde pausieren</translation>
    </message>
    <message>
        <source>Resume reminders (paused until {time})</source>
        <translation>Erinnerungen fortsetzen (pausiert bis {time})</translation>
    </message>
    <message>
        <source>disk full</source>
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
        <source>unexpected error (see the log)</source>
        <translation>unerwarteter Fehler (siehe Protokoll)</translation>
    </message>
</context>
</TS>
