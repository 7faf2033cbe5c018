<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>Greyed: acknowledged, so the client knows it arrived; the answer is still owed.</source>
        <extracomment>Rows never have children: the view then skips asking each one.</extracomment>
        <translation>Ausgegraut: bestätigt – der Kunde weiß, dass die Anfrage angekommen ist; die Antwort steht noch aus.</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>Morgen früh</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Eingehalten</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Kontakt gehalten</translation>
    </message>
    <message>
        <source>Next step…</source>
        <translation>Nächster Schritt…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <extracomment>The When column is as wide as its longest text, within these bounds (px). Where the sections folded by hand are remembered (QSettings), by their values.</extracomment>
        <translation>
            <numerusform>{names} und %n weiterer</numerusform>
            <numerusform>{names} und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>What</source>
        <extracomment>(section, its rows, the rows shown for them)</extracomment>
        <translation>Was</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Enter opens the list</source>
        <translation>Eingabetaste öffnet die Liste</translation>
    </message>
    <message>
        <source>{title} ({count})</source>
        <translation>{title} ({count})</translation>
    </message>
    <message>
        <source>{title}: {count}</source>
        <translation>{title}: {count}</translation>
    </message>
    <message>
        <source>Today is not available: {reason}.</source>
        <extracomment>(generation, TodayReport) — frozen rows only cross the thread. (generation, what went wrong, worded for the user)</extracomment>
        <translation>Heute ist nicht verfügbar: {reason}.</translation>
    </message>
    <message>
        <source>Today</source>
        <extracomment>Where the folded sections are remembered (the window&apos;s QSettings); None: not kept.</extracomment>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Today summary</source>
        <translation>Zusammenfassung für heute</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Open card</source>
        <translation>Karte öffnen</translation>
    </message>
    <message>
        <source>Call note</source>
        <translation>Gesprächsnotiz</translation>
    </message>
    <message>
        <source>Mark the selected row done (Ctrl+D)</source>
        <translation>Ausgewählte Zeile als erledigt markieren (Strg+D)</translation>
    </message>
    <message>
        <source>Tell the client their message arrived (Ctrl+Shift+A)</source>
        <translation>Dem Kunden bestätigen, dass seine Anfrage angekommen ist (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Hide this row and its reminder until later</source>
        <translation>Diese Zeile und ihre Erinnerung bis später ausblenden</translation>
    </message>
    <message>
        <source>Open this client&apos;s card (Enter)</source>
        <translation>Kundenkarte dieses Kunden öffnen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Start a call note with this client</source>
        <translation>Gesprächsnotiz mit diesem Kunden beginnen</translation>
    </message>
    <message>
        <source>Filter by client or text (Ctrl+L)</source>
        <translation>Nach Kunde oder Text filtern (Strg+L)</translation>
    </message>
    <message>
        <source>Filter Today</source>
        <translation>Heute filtern</translation>
    </message>
    <message>
        <source>Show only the rows whose client or text has these words; Esc clears</source>
        <translation>Nur Zeilen zeigen, deren Kunde oder Text diese Wörter enthält; Esc leert das Feld</translation>
    </message>
    <message numerus="yes">
        <source>{summary} · %n snoozed</source>
        <translation>
            <numerusform>{summary} · %n zurückgestellt</numerusform>
            <numerusform>{summary} · %n zurückgestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>Today — {date}</source>
        <translation>Heute – {date}</translation>
    </message>
    <message>
        <source>mark promise kept</source>
        <translation>Zusage als eingehalten markieren</translation>
    </message>
    <message>
        <source>Kept {what} ({client}). Undo (Ctrl+Z) reopens it.</source>
        <translation>{what} ({client}) eingehalten. Rückgängig (Strg+Z) öffnet sie wieder.</translation>
    </message>
    <message>
        <source>Answered {what} ({client}).</source>
        <translation>{what} ({client}) beantwortet.</translation>
    </message>
    <message>
        <source>Checked in (from Today).</source>
        <translation>Kontakt gehalten (aus „Heute“).</translation>
    </message>
    <message>
        <source>Checked in with {client}: logged as a contact.</source>
        <translation>Kontakt mit {client} gehalten: als Kontakt eingetragen.</translation>
    </message>
    <message>
        <source>Acknowledged {what} ({client}); the answer is owed.</source>
        <translation>{what} ({client}) bestätigt; die Antwort steht noch aus.</translation>
    </message>
    <message>
        <source>the check-in</source>
        <translation>den Kontakt</translation>
    </message>
    <message>
        <source>Snoozed {what} ({client}) until {when}.</source>
        <translation>{what} ({client}) zurückgestellt bis {when}.</translation>
    </message>
    <message>
        <source>Open list</source>
        <translation>Liste öffnen</translation>
    </message>
    <message>
        <source>Nothing on Today matches “{text}”.</source>
        <translation>Nichts unter „Heute“ passt zu „{text}“.</translation>
    </message>
    <message numerus="yes">
        <source>%n clients match the filter</source>
        <translation>
            <numerusform>%n Kunde passt zum Filter</numerusform>
            <numerusform>%n Kunden passen zum Filter</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue promises</source>
        <extracomment>Clients in these statuses should have their money terms on record. Each section&apos;s title in English (``--json`` output keeps these; people see ``section_title``). Sections whose rows all say one same thing about different clients: from this many rows on, Today shows them as one row (&quot;9 clients without money terms&quot;) that opens the list of them. Rows that are acted on one by one (a promise kept, a check-in logged) stay rows.</extracomment>
        <translation>Überfällige Zusagen</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Heute fällig</translation>
    </message>
    <message numerus="yes">
        <source>Coming up in %n days</source>
        <translation>
            <numerusform>In den nächsten %n Tag</numerusform>
            <numerusform>In den nächsten %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Clients to check in with</source>
        <translation>Kunden, bei denen ein Kontakt ansteht</translation>
    </message>
    <message>
        <source>Requests awaiting reply</source>
        <translation>Anfragen ohne Antwort</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>Offene Vorfälle</translation>
    </message>
    <message>
        <source>Money not discussed yet</source>
        <extracomment>The English words of a client without money terms (``money_not_discussed()`` translated).</extracomment>
        <translation>Konditionen noch nicht besprochen</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue promises</source>
        <translation>
            <numerusform>%n überfällige Zusage</numerusform>
            <numerusform>%n überfällige Zusagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>%n heute fällig</numerusform>
            <numerusform>%n heute fällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coming up</source>
        <translation>
            <numerusform>%n demnächst fällig</numerusform>
            <numerusform>%n demnächst fällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients to check in with</source>
        <translation>
            <numerusform>%n Kunde, bei dem ein Kontakt ansteht</numerusform>
            <numerusform>%n Kunden, bei denen ein Kontakt ansteht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests awaiting reply</source>
        <translation>
            <numerusform>%n Anfrage ohne Antwort</numerusform>
            <numerusform>%n Anfragen ohne Antwort</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open incidents</source>
        <translation>
            <numerusform>%n offener Vorfall</numerusform>
            <numerusform>%n offene Vorfälle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients without money terms</source>
        <translation>
            <numerusform>%n Kunde ohne Konditionen</numerusform>
            <numerusform>%n Kunden ohne Konditionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing needs you today</source>
        <extracomment>The reminder occurrence&apos;s key: what a snooze is recorded under; None: nothing to snooze.</extracomment>
        <translation>Heute steht nichts an</translation>
    </message>
    <message>
        <source>{due} · repeats {rule}</source>
        <extracomment>What Today shows under a section heading: a row, or one row for many.</extracomment>
        <translation>{due} · wiederholt sich {rule}</translation>
    </message>
    <message>
        <source>{contact} · client since {day}</source>
        <translation>{contact} · Kunde seit {day}</translation>
    </message>
    <message>
        <source>received {received}, reply was due {due}</source>
        <translation>eingegangen {received}, Antwort war fällig {due}</translation>
    </message>
    <message>
        <source>received {received}, acknowledged {acknowledged}</source>
        <translation>eingegangen {received}, bestätigt {acknowledged}</translation>
    </message>
    <message>
        <source>received {received}</source>
        <translation>eingegangen {received}</translation>
    </message>
    <message>
        <source>{summary} ({channel})</source>
        <translation>{summary} ({channel})</translation>
    </message>
    <message>
        <source>{what} — next: {step}</source>
        <translation>{what} – nächster Schritt: {step}</translation>
    </message>
    <message>
        <source>happened {when}</source>
        <translation>geschehen {when}</translation>
    </message>
    <message>
        <source>Money not discussed yet: agree pricing, payment terms and scope</source>
        <translation>Konditionen noch nicht besprochen: Preis, Zahlungsbedingungen und Umfang vereinbaren</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <comment>a day of this year</comment>
        <extracomment>A day this many days away or nearer is said relative to today.</extracomment>
        <translation>{day}. {month}</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <comment>a day of another year</comment>
        <translation>{day}. {month} {year}</translation>
    </message>
    <message>
        <source>{weekday} {date}</source>
        <comment>a weekday and its date</comment>
        <translation>{weekday}, {date}</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <comment>a month of a year</comment>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>{weekday} {day} {month}</source>
        <comment>a heading&apos;s full date</comment>
        <translation>{weekday}, {day}. {month}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>{day} {time}</source>
        <comment>a day and a time of day</comment>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>heute fällig</translation>
    </message>
    <message>
        <source>due yesterday</source>
        <translation>seit gestern fällig</translation>
    </message>
    <message numerus="yes">
        <source>due %n days ago</source>
        <translation>
            <numerusform>seit %n Tag fällig</numerusform>
            <numerusform>seit %n Tagen fällig</numerusform>
        </translation>
    </message>
    <message>
        <source>due since {day}</source>
        <translation>fällig seit {day}</translation>
    </message>
    <message>
        <source>late since {when}</source>
        <translation>überfällig seit {when}</translation>
    </message>
    <message numerus="yes">
        <source>%n days late</source>
        <translation>
            <numerusform>%n Tag überfällig</numerusform>
            <numerusform>%n Tage überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>{day}, {time}</source>
        <comment>a relative day and a time of day</comment>
        <translation>{day}, {time}</translation>
    </message>
    <message>
        <source>hourly</source>
        <comment>pricing model</comment>
        <translation>pro Stunde</translation>
    </message>
    <message>
        <source>fixed</source>
        <comment>pricing model</comment>
        <translation>Festpreis</translation>
    </message>
    <message>
        <source>retainer</source>
        <comment>pricing model</comment>
        <translation>Pauschale</translation>
    </message>
    <message>
        <source>per item</source>
        <comment>pricing model</comment>
        <translation>pro Stück</translation>
    </message>
    <message>
        <source>pricing</source>
        <comment>money terms field</comment>
        <translation>Preismodell</translation>
    </message>
    <message>
        <source>amount</source>
        <comment>money terms field</comment>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>budget ceiling</source>
        <comment>money terms field</comment>
        <translation>Budgetobergrenze</translation>
    </message>
    <message>
        <source>deposit</source>
        <comment>money terms field</comment>
        <translation>Anzahlung</translation>
    </message>
    <message>
        <source>payment terms</source>
        <comment>money terms field</comment>
        <translation>Zahlungsbedingungen</translation>
    </message>
    <message>
        <source>discount</source>
        <comment>money terms field</comment>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>discount condition</source>
        <comment>money terms field</comment>
        <translation>Rabattbedingung</translation>
    </message>
    <message>
        <source>scope in</source>
        <comment>money terms field</comment>
        <translation>im Umfang</translation>
    </message>
    <message>
        <source>scope out</source>
        <comment>money terms field</comment>
        <translation>nicht im Umfang</translation>
    </message>
    <message>
        <source>confirmed by client</source>
        <comment>money terms field</comment>
        <translation>vom Kunden bestätigt</translation>
    </message>
    <message>
        <source>budget ≤ {amount}</source>
        <translation>Budget ≤ {amount}</translation>
    </message>
    <message numerus="yes">
        <source>%n days to pay</source>
        <translation>
            <numerusform>%n Tag Zahlungsziel</numerusform>
            <numerusform>%n Tage Zahlungsziel</numerusform>
        </translation>
    </message>
    <message>
        <source>deposit {amount}</source>
        <translation>Anzahlung {amount}</translation>
    </message>
    <message>
        <source>discount: {discount} ({condition})</source>
        <translation>Rabatt: {discount} ({condition})</translation>
    </message>
    <message>
        <source>discount: {discount}</source>
        <translation>Rabatt: {discount}</translation>
    </message>
    <message>
        <source>{field} {after} added</source>
        <translation>{field} {after} hinzugefügt</translation>
    </message>
    <message>
        <source>{field} dropped (was {before})</source>
        <translation>{field} entfernt (war {before})</translation>
    </message>
    <message>
        <source>{field} {before} → {after}</source>
        <translation>{field} {before} → {after}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>{what} {typed} is not an amount: thousands come in groups of three (e.g. 1,234,567.50)</source>
        <extracomment>Characters people put between thousands: spaces (also the no-break kinds), &quot;_&quot; and &quot;&apos;&quot;.</extracomment>
        <translation>{what} {typed} ist kein Betrag: Tausender stehen in Dreiergruppen (z. B. 1.234.567,50)</translation>
    </message>
    <message>
        <source>{what} {typed} is not an amount</source>
        <extracomment>A currency written beside an amount (&quot;8.500 €&quot;, &quot;$1,250&quot;, &quot;EUR 1.200,00&quot;, &quot;US$ 40&quot;): a symbol, or a three-letter code. The field&apos;s currency is chosen beside it, so the mark is read past, not checked.</extracomment>
        <translation>{what} {typed} ist kein Betrag</translation>
    </message>
    <message>
        <source>the dot is a decimal point; for {number} type that</source>
        <translation>der Punkt ist ein Dezimalpunkt; für {number} geben Sie das ein</translation>
    </message>
    <message>
        <source>{what} {typed} could mean {one} or {other}: type one of those</source>
        <translation>{what} {typed} kann {one} oder {other} bedeuten: Geben Sie eines davon ein</translation>
    </message>
    <message>
        <source>{what} {typed} must be zero or more</source>
        <translation>{what} {typed} muss null oder mehr sein</translation>
    </message>
    <message>
        <source>{what} {typed} has more than 4 decimals</source>
        <translation>{what} {typed} hat mehr als 4 Nachkommastellen</translation>
    </message>
    <message>
        <source>deposit {typed} is not a share: type e.g. 30%</source>
        <translation>Anzahlung {typed} ist kein Anteil: Geben Sie z. B. 30% ein</translation>
    </message>
    <message>
        <source>deposit {typed} is more than the whole amount</source>
        <translation>Anzahlung {typed} ist mehr als der ganze Betrag</translation>
    </message>
    <message>
        <source>a deposit of {typed} needs the amount it is a share of</source>
        <translation>eine Anzahlung von {typed} braucht den Betrag, von dem sie ein Anteil ist</translation>
    </message>
    <message>
        <source>currency {code} is not a three-letter code like EUR</source>
        <translation>Währung {code} ist kein dreibuchstabiger Code wie EUR</translation>
    </message>
    <message>
        <source>{field} must be a Decimal of zero or more</source>
        <translation>{field} muss eine Dezimalzahl von null oder mehr sein</translation>
    </message>
    <message>
        <source>payment terms must be between 0 and 3650 days</source>
        <translation>Zahlungsbedingungen müssen zwischen 0 und 3650 Tagen liegen</translation>
    </message>
    <message>
        <source>a discount condition needs the discount itself</source>
        <translation>eine Rabattbedingung braucht den Rabatt selbst</translation>
    </message>
    <message>
        <source>Pricing model</source>
        <translation>Preismodell</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Honorar</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Zahlungsbedingungen</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Anzahlung</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Discount condition</source>
        <translation>Rabattbedingung</translation>
    </message>
    <message>
        <source>In scope</source>
        <translation>Im Umfang</translation>
    </message>
    <message>
        <source>Out of scope</source>
        <translation>Nicht im Umfang</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>Vereinbart am</translation>
    </message>
    <message>
        <source>Confirmed by client</source>
        <translation>Vom Kunden bestätigt</translation>
    </message>
    <message>
        <source>Money terms</source>
        <translation>Konditionen</translation>
    </message>
</context>
</TS>
