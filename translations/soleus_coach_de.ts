<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Soleus Coach</source>
        <translation>Über Soleus Coach</translation>
    </message>
    <message>
        <source>Soleus Coach %1</source>
        <translation>Soleus Coach %1</translation>
    </message>
    <message>
        <source>Guided calf (soleus) stretching and icing routines for runners. It cannot diagnose anything: see a doctor about a swollen, bruised or very painful calf.</source>
        <translation>Angeleitete Dehn- und Kühlroutinen für die Wade (Soleus) für Läuferinnen und Läufer. Die App kann nichts diagnostizieren: Mit einer geschwollenen, blutunterlaufenen oder sehr schmerzhaften Wade gehen Sie bitte zum Arzt.</translation>
    </message>
    <message>
        <source>&amp;Open data folder</source>
        <translation>Datenordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Licence: MIT. Copyright © 2026 Soleus Coach developers.</source>
        <translation>Lizenz: MIT. Copyright © 2026 die Entwickler von Soleus Coach.</translation>
    </message>
    <message>
        <source>Sounds: tones synthesised by tools/make_sounds.py; spoken prompts rendered with eSpeak NG (GPL-3.0; the audio is not covered by it). Both CC0 1.0.</source>
        <translation>Klänge: Töne erzeugt von tools/make_sounds.py; Sprachansagen mit eSpeak NG gesprochen (GPL-3.0; der Ton selbst fällt nicht darunter). Beide CC0 1.0.</translation>
    </message>
    <message>
        <source>Illustrations and icon: drawn for Soleus Coach, CC0 1.0.</source>
        <translation>Abbildungen und Symbol: für Soleus Coach gezeichnet, CC0 1.0.</translation>
    </message>
    <message>
        <source>Built with Qt %1 and PySide6 %2 (LGPL-3.0), playsound3 and platformdirs (MIT), on Python %3.</source>
        <translation>Erstellt mit Qt %1 und PySide6 %2 (LGPL-3.0), playsound3 und platformdirs (MIT), auf Python %3.</translation>
    </message>
    <message>
        <source>Your routines, history, settings and log are in:</source>
        <translation>Ihre Routinen, Ihr Verlauf, Ihre Einstellungen und das Protokoll liegen in:</translation>
    </message>
    <message>
        <source>Log files: %1</source>
        <translation>Protokolldateien: %1</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Pause / resume</source>
        <extracomment>Menu text (English source, &quot;Actions&quot; context). What it does, for Help → Keyboard shortcuts, tooltips and accessible names. The keys, as ``QKeySequence`` reads them; the first is the one Help names first. A platform&apos;s standard key, where there is one (Open, Quit…): bound too, after ``keys`` (some platforms have none: Preferences and Quit on Linux). Listed in the help only (the key is handled elsewhere, e.g. Enter on a page). What the keys do while a routine runs (the session screen&apos;s shortcuts).</extracomment>
        <translation>Anhalten / weiter</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>Anhalten oder weiter</translation>
    </message>
    <message>
        <source>Skip to next step</source>
        <translation>Zum nächsten Schritt</translation>
    </message>
    <message>
        <source>Skip to the next step</source>
        <translation>Zum nächsten Schritt springen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back: restart this step, or the previous one in its first 2 seconds</source>
        <translation>Zurück: diesen Schritt neu beginnen, in seinen ersten 2 Sekunden den vorigen</translation>
    </message>
    <message>
        <source>Longer hold</source>
        <translation>Längere Dehnung</translation>
    </message>
    <message>
        <source>Hold 5 s longer (within the routine&apos;s range)</source>
        <translation>Dehnung 5 s länger (im Rahmen der Routine)</translation>
    </message>
    <message>
        <source>Shorter hold</source>
        <translation>Kürzere Dehnung</translation>
    </message>
    <message>
        <source>Hold 5 s shorter (within the routine&apos;s range)</source>
        <translation>Dehnung 5 s kürzer (im Rahmen der Routine)</translation>
    </message>
    <message>
        <source>It hurts</source>
        <translation>Es tut weh</translation>
    </message>
    <message>
        <source>It hurts: end the hold now</source>
        <translation>Es tut weh: Dehnung sofort beenden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Stop the routine (asks first; the clock waits)</source>
        <translation>Routine beenden (mit Rückfrage; die Zeit wartet)</translation>
    </message>
    <message>
        <source>Rep done</source>
        <translation>Wiederholung fertig</translation>
    </message>
    <message>
        <source>In a set you pace yourself: one rep done (or the set, where it is counted by the set)</source>
        <translation>In einem Satz im eigenen Tempo: eine Wiederholung fertig (oder der ganze Satz, wo nach Sätzen gezählt wird)</translation>
    </message>
    <message>
        <source>Read GPX, TCX or FIT files, or a whole Strava or Garmin Connect export (.zip)</source>
        <translation>GPX-, TCX- oder FIT-Dateien lesen, oder einen ganzen Strava- oder Garmin-Connect-Export (.zip)</translation>
    </message>
    <message>
        <source>Import a f&amp;older of runs…</source>
        <translation>Läufe aus einem &amp;Ordner importieren …</translation>
    </message>
    <message>
        <source>Read every activity file in a folder, or an unpacked Strava export</source>
        <translation>Jede Aktivitätsdatei in einem Ordner lesen, oder einen entpackten Strava-Export</translation>
    </message>
    <message>
        <source>&amp;Safety notice</source>
        <translation>&amp;Sicherheitshinweis</translation>
    </message>
    <message>
        <source>What Soleus Coach can and cannot do, and when to see a doctor</source>
        <translation>Was Soleus Coach kann und nicht kann, und wann du zum Arzt solltest</translation>
    </message>
    <message>
        <source>&amp;About Soleus Coach</source>
        <translation>Ü&amp;ber Soleus Coach</translation>
    </message>
    <message>
        <source>Version, licence and where your data is</source>
        <translation>Version, Lizenz und wo deine Daten liegen</translation>
    </message>
    <message>
        <source>&amp;Delete session</source>
        <extracomment>The history window&apos;s (its own window).</extracomment>
        <translation>Einheit &amp;löschen</translation>
    </message>
    <message>
        <source>History: delete the selected session (Undo brings it back)</source>
        <translation>Verlauf: die gewählte Sitzung löschen (Rückgängig holt sie zurück)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>Löschen &amp;rückgängig</translation>
    </message>
    <message>
        <source>History: bring back the session just deleted</source>
        <translation>Verlauf: die eben gelöschte Sitzung zurückholen</translation>
    </message>
    <message>
        <source>&amp;Close history</source>
        <translation>Verlauf &amp;schließen</translation>
    </message>
    <message>
        <source>History: close the window (Esc too)</source>
        <translation>Verlauf: das Fenster schließen (auch Esc)</translation>
    </message>
    <message>
        <source>Make r&amp;ounds…</source>
        <translation>R&amp;unden bilden…</translation>
    </message>
    <message>
        <source>Editor: do the selected steps several times in a row (rounds)</source>
        <translation>Editor: die ausgewählten Schritte mehrmals hintereinander (Runden)</translation>
    </message>
    <message>
        <source>Tra&amp;nslations…</source>
        <translation>Überse&amp;tzungen…</translation>
    </message>
    <message>
        <source>Editor: the routine&apos;s texts in another language, side by side</source>
        <translation>Editor: die Texte der Routine in einer anderen Sprache, nebeneinander</translation>
    </message>
    <message>
        <source>Enter</source>
        <extracomment>Key names that read better as a symbol or a word than as Qt names them.</extracomment>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>Compact timer</source>
        <translation>Kleiner Timer</translation>
    </message>
    <message>
        <source>Switch between the small always-on-top timer and the full window</source>
        <translation>Zwischen dem kleinen Timer, der immer im Vordergrund bleibt, und dem ganzen Fenster wechseln</translation>
    </message>
    <message>
        <source>Start</source>
        <extracomment>The window&apos;s menus and keys.</extracomment>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Start the highlighted routine; on the finish screen, save and go home</source>
        <translation>Die hervorgehobene Routine starten; auf der Abschlussseite speichern und zur Startseite</translation>
    </message>
    <message>
        <source>&amp;Import routine…</source>
        <translation>Routine &amp;importieren…</translation>
    </message>
    <message>
        <source>Check a routine file (.json or .zip) and add it to your routines</source>
        <translation>Eine Routinendatei (.json oder .zip) prüfen und zu deinen Routinen hinzufügen</translation>
    </message>
    <message>
        <source>Open routine &amp;folder</source>
        <translation>Routinen&amp;ordner öffnen</translation>
    </message>
    <message>
        <source>Open the folder that holds your own routines</source>
        <translation>Den Ordner mit Ihren eigenen Routinen öffnen</translation>
    </message>
    <message>
        <source>Import r&amp;uns…</source>
        <translation>Lä&amp;ufe importieren …</translation>
    </message>
    <message>
        <source>Add a run by &amp;hand…</source>
        <translation>Lauf von &amp;Hand eintragen …</translation>
    </message>
    <message>
        <source>Enter a run&apos;s date, distance and time</source>
        <translation>Datum, Strecke und Zeit eines Laufs eingeben</translation>
    </message>
    <message>
        <source>&amp;Watched folder for runs…</source>
        <translation>Über&amp;wachter Ordner für Läufe …</translation>
    </message>
    <message>
        <source>Import new files from a folder as they appear</source>
        <translation>Neue Dateien aus einem Ordner importieren, sobald sie erscheinen</translation>
    </message>
    <message>
        <source>Ho&amp;me</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <source>The home screen</source>
        <translation>Die Startseite</translation>
    </message>
    <message>
        <source>All &amp;routines</source>
        <translation>Alle &amp;Routinen</translation>
    </message>
    <message>
        <source>Every routine, to start, customize or share</source>
        <translation>Alle Routinen: starten, anpassen oder weitergeben</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>&amp;Mute sound</source>
        <translation>Ton &amp;stumm</translation>
    </message>
    <message>
        <source>Sound cues off or on</source>
        <translation>Tonsignale aus oder an</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Your past sessions, pain check-ins and export</source>
        <translation>Ihre bisherigen Einheiten, Schmerzangaben und Export</translation>
    </message>
    <message>
        <source>&amp;New routine…</source>
        <translation>&amp;Neue Routine …</translation>
    </message>
    <message>
        <source>Make a routine of your own in the editor</source>
        <translation>Eine eigene Routine im Editor anlegen</translation>
    </message>
    <message>
        <source>&amp;Reload routines</source>
        <translation>Routinen neu &amp;laden</translation>
    </message>
    <message>
        <source>Reload routines</source>
        <translation>Routinen neu laden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Diese Liste</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>&amp;Save routine</source>
        <extracomment>The routine editor&apos;s (its own window).</extracomment>
        <translation>Routine &amp;speichern</translation>
    </message>
    <message>
        <source>Editor: save the routine (once it has no problems)</source>
        <translation>Editor: Routine speichern (sobald sie keine Probleme hat)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Editor: undo the last change</source>
        <translation>Editor: letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Editor: redo what was undone</source>
        <translation>Editor: Rückgängiggemachtes wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>Schritt &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Editor: add a step of the chosen kind</source>
        <translation>Editor: einen Schritt der gewählten Art hinzufügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate step</source>
        <translation>Schritt &amp;duplizieren</translation>
    </message>
    <message>
        <source>Editor: duplicate the selected step</source>
        <translation>Editor: den gewählten Schritt duplizieren</translation>
    </message>
    <message>
        <source>Re&amp;move step</source>
        <translation>Schritt &amp;entfernen</translation>
    </message>
    <message>
        <source>Editor: remove the selected step</source>
        <translation>Editor: den gewählten Schritt entfernen</translation>
    </message>
    <message>
        <source>Move step u&amp;p</source>
        <translation>Schritt nach &amp;oben</translation>
    </message>
    <message>
        <source>Editor: move the selected step up</source>
        <translation>Editor: den gewählten Schritt nach oben verschieben</translation>
    </message>
    <message>
        <source>Move step do&amp;wn</source>
        <translation>Schritt nach &amp;unten</translation>
    </message>
    <message>
        <source>Editor: move the selected step down</source>
        <translation>Editor: den gewählten Schritt nach unten verschieben</translation>
    </message>
    <message>
        <source>&amp;Try it</source>
        <translation>&amp;Ausprobieren</translation>
    </message>
    <message>
        <source>Editor: run the routine from the selected step, then come back</source>
        <translation>Editor: die Routine ab dem gewählten Schritt laufen lassen, danach zurückkehren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Editor: save the routine as a file to share (a .zip with its own pictures and sounds)</source>
        <translation>Editor: die Routine als Datei zum Weitergeben speichern (als .zip mit ihren eigenen Bildern und Klängen)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>Editor: print the routine on one page, or save it as a PDF</source>
        <translation>Editor: die Routine auf einer Seite drucken oder als PDF speichern</translation>
    </message>
    <message>
        <source>&amp;Close editor</source>
        <translation>Editor &amp;schließen</translation>
    </message>
    <message>
        <source>Editor: close (asks first about unsaved changes)</source>
        <translation>Editor: schließen (fragt vorher nach ungespeicherten Änderungen)</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Programme calendar</source>
        <extracomment>Background and mark of each kind of day (the mark says it without the colour).</extracomment>
        <translation>Programmkalender</translation>
    </message>
    <message>
        <source>◀ &amp;Earlier</source>
        <translation>◀ &amp;Früher</translation>
    </message>
    <message>
        <source>&amp;Later ▶</source>
        <translation>&amp;Später ▶</translation>
    </message>
    <message>
        <source>km in
the week</source>
        <translation>km in
der Woche</translation>
    </message>
    <message>
        <source>✓ done   ◐ partly done   ✗ missed   – rest day   … today, not finished   ☀ pain on the first steps that morning (0–10)</source>
        <translation>✓ erledigt   ◐ teilweise   ✗ verpasst   – Ruhetag   … heute, noch offen   ☀ Schmerz bei den ersten Schritten an diesem Morgen (0–10)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>partly done</source>
        <translation>teilweise erledigt</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>verpasst</translation>
    </message>
    <message>
        <source>rest day</source>
        <translation>Ruhetag</translation>
    </message>
    <message>
        <source>today, not finished</source>
        <translation>heute, noch offen</translation>
    </message>
    <message>
        <source>Morning: %1/10</source>
        <translation>Morgens: %1/10</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>How is your calf?</source>
        <translation>Wie geht es Ihrer Wade?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Skip (Esc)</source>
        <translation>Überspringen (Esc)</translation>
    </message>
    <message>
        <source>Not now: don&apos;t start (Esc)</source>
        <translation>Nicht jetzt: nicht starten (Esc)</translation>
    </message>
    <message>
        <source>Answer first: type how much it hurts (0–10).</source>
        <translation>Bitte zuerst antworten: Tippe, wie stark es schmerzt (0–10).</translation>
    </message>
</context>
<context>
    <name>CheckInForm</name>
    <message>
        <source>After the routine: how much does your calf hurt now?</source>
        <translation>Nach der Routine: Wie stark schmerzt Ihre Wade jetzt?</translation>
    </message>
    <message>
        <source>Before you start: how much does your calf hurt?</source>
        <translation>Vor dem Start: Wie stark schmerzt Ihre Wade?</translation>
    </message>
    <message>
        <source>0 = no pain · 10 = worst pain imaginable. Type a number, or use the arrow keys.</source>
        <translation>0 = kein Schmerz · 10 = schlimmster vorstellbarer Schmerz. Tippen Sie eine Zahl oder nutzen Sie die Pfeiltasten.</translation>
    </message>
    <message>
        <source>Pain %1 of 10</source>
        <translation>Schmerz %1 von 10</translation>
    </message>
    <message>
        <source>How much it hurts, 0 to 10</source>
        <translation>Wie stark es schmerzt, 0 bis 10</translation>
    </message>
    <message>
        <source>S&amp;welling</source>
        <translation>&amp;Schwellung</translation>
    </message>
    <message>
        <source>&amp;Bruising</source>
        <translation>&amp;Bluterguss</translation>
    </message>
    <message>
        <source>Pain at &amp;rest</source>
        <translation>Schmerz in &amp;Ruhe</translation>
    </message>
    <message>
        <source>&amp;Cannot bear weight on it</source>
        <translation>Bein &amp;nicht belastbar</translation>
    </message>
    <message>
        <source>Do you have any of these?</source>
        <translation>Haben Sie etwas davon?</translation>
    </message>
</context>
<context>
    <name>ChooseDialog</name>
    <message>
        <source>Start a programme</source>
        <translation>Ein Programm beginnen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Make a programme…</source>
        <translation>Programm &amp;erstellen…</translation>
    </message>
    <message>
        <source>after every run</source>
        <translation>nach jedem Lauf</translation>
    </message>
    <message>
        <source>before every run</source>
        <translation>vor jedem Lauf</translation>
    </message>
    <message>
        <source>once a day</source>
        <translation>einmal täglich</translation>
    </message>
    <message>
        <source>twice a day</source>
        <translation>zweimal täglich</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) a week</source>
        <translation>
            <numerusform>%n Tag pro Woche</numerusform>
            <numerusform>%n Tage pro Woche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n Woche</numerusform>
            <numerusform>%n Wochen</numerusform>
        </translation>
    </message>
    <message>
        <source>Phase %1: %2 (%3)</source>
        <translation>Phase %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Moving on: %1 days in a row with pain during at most %2/10 and every next morning settled</source>
        <translation>Weiter: %1 Tage in Folge mit Schmerz während der Übungen von höchstens %2/10 und jeden nächsten Morgen abgeklungen</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
</context>
<context>
    <name>CompactTimer</name>
    <message>
        <source>Soleus Coach timer</source>
        <extracomment>Where its place is kept, in the window state file (window.ini).</extracomment>
        <translation>Soleus-Coach-Timer</translation>
    </message>
    <message>
        <source>Compact timer</source>
        <translation>Kleiner Timer</translation>
    </message>
    <message>
        <source>Time remaining: %1</source>
        <translation>Verbleibende Zeit: %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>⤢</source>
        <translation>⤢</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>DiskNotice</name>
    <message>
        <source>The routine&apos;s file was changed on disk since you opened it.</source>
        <translation>Die Datei der Routine wurde auf der Festplatte geändert, seit du sie geöffnet hast.</translation>
    </message>
    <message>
        <source>Load the file</source>
        <translation>Die Datei laden</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>Meine Fassung behalten</translation>
    </message>
</context>
<context>
    <name>DoseEdit</name>
    <message>
        <source>Adjustable</source>
        <extracomment>Spin boxes take values past the format&apos;s limits on purpose: the validator says what is allowed, next to the field, instead of the box silently refusing a key. The frame of a field with a problem; a field without one has the same room empty. A count&apos;s unit for a number (&quot;1 set&quot;, &quot;3 sets&quot;: Qt&apos;s %n plural forms).</extracomment>
        <translation>Einstellbar</translation>
    </message>
    <message>
        <source>Let the runner choose between a least and a most value (in Settings, and with the arrow keys)</source>
        <translation>Läufer wählt zwischen einem kleinsten und einem größten Wert (in den Einstellungen und mit den Pfeiltasten)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
</context>
<context>
    <name>EditorHub</name>
    <message>
        <source>A draft kept when Soleus Coach was last closed cannot be opened (%1); it is in %2.</source>
        <extracomment>Deleted routines go here, inside the user&apos;s folder (the library does not read it).</extracomment>
        <translation>Ein Entwurf, der beim letzten Schließen von Soleus Coach aufbewahrt wurde, lässt sich nicht öffnen (%1); er liegt in %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved routine(s) kept when Soleus Coach was last closed opened again.</source>
        <translation>
            <numerusform>%n nicht gespeicherte Routine, beim letzten Schließen von Soleus Coach aufbewahrt, wieder geöffnet.</numerusform>
            <numerusform>%n nicht gespeicherte Routinen, beim letzten Schließen von Soleus Coach aufbewahrt, wieder geöffnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 could not be read again: %2</source>
        <translation>%1 konnte nicht erneut gelesen werden: %2</translation>
    </message>
    <message>
        <source> (my version)</source>
        <translation> (meine Fassung)</translation>
    </message>
    <message>
        <source>Delete routine</source>
        <translation>Routine löschen</translation>
    </message>
    <message>
        <source>Delete your routine %1? It is moved to the trash folder, and Undo brings it back.</source>
        <translation>Deine Routine %1 löschen? Sie wird in den Papierkorb-Ordner verschoben; „Rückgängig“ holt sie zurück.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
    <message>
        <source>Routine deleted</source>
        <translation>Routine gelöscht</translation>
    </message>
    <message>
        <source>%1 was moved to %2.</source>
        <translation>%1 wurde nach %2 verschoben.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>%1 exists again; the deleted copy stays in the trash.</source>
        <translation>%1 gibt es wieder; die gelöschte Kopie bleibt im Papierkorb.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>A routine is already running.</source>
        <translation>Es läuft schon eine Routine.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Checking…</source>
        <extracomment>How long after the last key the draft is checked and previewed. The file the routine is in (None until first saved). The other routines&apos; names, folded (``casefold``): name → (id, name as shown). The problems and the preview are shown (after the first paint: the preview needs the plan builder and the safety rules, 20 ms of imports the window need not wait for).</extracomment>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>&amp;Routine</source>
        <translation>&amp;Routine</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Change %1</source>
        <extracomment>The id is made from the name (a new routine, or a copy, until the person types one).</extracomment>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>Another routine has the file name “%1” already: choose another.</source>
        <translation>Eine andere Routine hat schon den Dateinamen „%1“: Wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>Another routine is called “%1” already: choose another name. Customize the existing one instead?</source>
        <translation>Eine andere Routine heißt schon „%1“: Wählen Sie einen anderen Namen. Oder stattdessen die vorhandene anpassen?</translation>
    </message>
    <message>
        <source>Make rounds</source>
        <translation>Runden bilden</translation>
    </message>
    <message>
        <source>Change rounds</source>
        <translation>Runden ändern</translation>
    </message>
    <message>
        <source>Undo rounds</source>
        <translation>Runden auflösen</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Schritt entfernen</translation>
    </message>
    <message>
        <source>Duplicate step</source>
        <translation>Schritt duplizieren</translation>
    </message>
    <message>
        <source>Move step</source>
        <translation>Schritt verschieben</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <source>done in each of %1 rounds</source>
        <translation>in jeder von %1 Runden</translation>
    </message>
    <message>
        <source>New routine</source>
        <translation>Neue Routine</translation>
    </message>
    <message>
        <source>%1[*] — Routine editor — Soleus Coach</source>
        <translation>%1[*] — Routinen-Editor — Soleus Coach</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Nicht geladen</translation>
    </message>
    <message>
        <source>The file on disk has problems; your version is kept.</source>
        <translation>Die Datei auf der Festplatte hat Probleme; deine Fassung bleibt.</translation>
    </message>
    <message>
        <source>Load the file</source>
        <translation>Datei laden</translation>
    </message>
    <message>
        <source>The file changed on disk: choose first.</source>
        <translation>Die Datei wurde auf der Festplatte geändert: Bitte zuerst wählen.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Another routine already has the file %1; nothing was written.</source>
        <translation>Eine andere Routine hat schon die Datei %1; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>The routine could not be written (%1); nothing was changed on disk.</source>
        <translation>Die Routine konnte nicht geschrieben werden (%1); auf der Festplatte wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Fix the problems first, then try it.</source>
        <translation>Erst die Probleme beheben, dann ausprobieren.</translation>
    </message>
    <message>
        <source>Opened again as it was when Soleus Coach was closed; not saved yet.</source>
        <translation>Wieder geöffnet, wie er beim Schließen von Soleus Coach war; noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <source>Get emergency help now if you suddenly feel short of breath, have chest pain, or cough up blood.</source>
        <extracomment>Translator: ``(context, source) -&gt; translated``. Identity until the GUI installs Qt&apos;s.</extracomment>
        <translation>Rufen Sie sofort den Notruf (112), wenn Sie plötzlich Atemnot oder Brustschmerzen haben oder Blut husten.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Shared routine with its files (*.zip)</source>
        <translation>Weitergegebene Routine mit ihren Dateien (*.zip)</translation>
    </message>
    <message>
        <source>Routine (*.json)</source>
        <translation>Routine (*.json)</translation>
    </message>
    <message>
        <source>Export routine</source>
        <translation>Routine exportieren</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Nicht exportiert</translation>
    </message>
    <message>
        <source>That file is one of Soleus Coach&apos;s own; choose another name.</source>
        <translation>Diese Datei gehört Soleus Coach selbst; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>Routine complete. Well done!</source>
        <extracomment>Segments that are the routine&apos;s work (the rest is getting ready, switching, resting).</extracomment>
        <translation>Routine geschafft. Gut gemacht!</translation>
    </message>
    <message>
        <source>Routine stopped. What you did is kept.</source>
        <translation>Routine beendet. Was Sie gemacht haben, bleibt gespeichert.</translation>
    </message>
    <message>
        <source>Active %1 · paused %2</source>
        <translation>Aktiv %1 · angehalten %2</translation>
    </message>
    <message>
        <source>Rounds done: %1 of %2</source>
        <translation>Runden geschafft: %1 von %2</translation>
    </message>
    <message>
        <source>What you did, per step and side</source>
        <translation>Was Sie gemacht haben, nach Schritt und Seite</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Before the routine: pain %1/10.</source>
        <translation>Vor der Routine: Schmerz %1/10.</translation>
    </message>
    <message>
        <source>Save and go home (Enter)</source>
        <translation>Speichern und zur Startseite (Eingabetaste)</translation>
    </message>
    <message>
        <source>Skip (Esc)</source>
        <translation>Überspringen (Esc)</translation>
    </message>
    <message>
        <source>Go home (Enter)</source>
        <translation>Zur Startseite (Eingabetaste)</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>%1 of %2 holds</source>
        <translation>%1 von %2 Dehnungen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>nicht erledigt</translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved: pain %1 → %2/10, before the routine → now.</source>
        <translation>Gespeichert: Schmerz %1 → %2/10, vor der Routine → jetzt.</translation>
    </message>
    <message>
        <source>Saved: pain %1/10 after the routine.</source>
        <translation>Gespeichert: Schmerz %1/10 nach der Routine.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>No check-in this time.</source>
        <translation>Diesmal keine Angabe.</translation>
    </message>
    <message>
        <source>Routine complete.</source>
        <translation>Routine beendet.</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Before you start</source>
        <translation>Bevor Sie beginnen</translation>
    </message>
    <message>
        <source>Soleus Coach guides stretching and icing for runners. It cannot diagnose anything. Calf pain can be a sign of a blood clot or a torn muscle. If your calf is swollen, bruised, warm or red, hurts at rest, or can&apos;t take your weight, or if you felt a sudden “pop” in it, see a doctor first.</source>
        <translation>Soleus Coach leitet Läuferinnen und Läufer beim Dehnen und Kühlen an. Die App kann nichts diagnostizieren. Wadenschmerzen können ein Zeichen für ein Blutgerinnsel oder einen Muskelfaserriss sein. Wenn Ihre Wade geschwollen, blutunterlaufen, warm oder gerötet ist, in Ruhe schmerzt, Ihr Gewicht nicht trägt oder Sie ein plötzliches „Knallen“ gespürt haben, gehen Sie zuerst zum Arzt.</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>Ich habe verstanden</translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <source>Pain not settling</source>
        <translation>Der Schmerz lässt nicht nach</translation>
    </message>
    <message>
        <source>Your calf pain hasn&apos;t been settling after sessions. A physical therapist can check it.</source>
        <translation>Ihre Wadenschmerzen sind nach den Einheiten nicht zurückgegangen. Eine Physiotherapeutin oder ein Physiotherapeut kann das untersuchen.</translation>
    </message>
    <message>
        <source>Build up gradually</source>
        <translation>Steigern Sie langsam</translation>
    </message>
    <message>
        <source>Increasing distance or frequency too quickly is a common cause of calf pain. Build up gradually, and avoid a run much longer than your longest in the last month.</source>
        <translation>Strecke oder Häufigkeit zu schnell zu steigern ist eine häufige Ursache für Wadenschmerzen. Steigern Sie langsam und laufen Sie nicht viel weiter als Ihr längster Lauf im letzten Monat.</translation>
    </message>
</context>
<context>
    <name>Heat</name>
    <message>
        <source>Warm, not hot, with a layer between the pack and your skin. Not in the first 2–3 days after a strain, not on a swollen or numb calf, never while asleep. 20 minutes at most.</source>
        <translation>Warm, nicht heiß, mit einer Lage Stoff zwischen Auflage und Haut. Nicht in den ersten 2–3 Tagen nach einer Zerrung, nicht auf einer geschwollenen oder tauben Wade, nie im Schlaf. Höchstens 20 Minuten.</translation>
    </message>
    <message>
        <source>No heat today</source>
        <translation>Heute keine Wärme</translation>
    </message>
    <message>
        <source>Your check-in says the calf is swollen, so the heat is left out today: heat can make swelling worse.</source>
        <translation>Laut Ihrer Angabe ist die Wade geschwollen, darum entfällt die Wärme heute: Wärme kann eine Schwellung verstärken.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>ended: it hurt</source>
        <translation>beendet: es tat weh</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>not sure</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>swelling</source>
        <translation>Schwellung</translation>
    </message>
    <message>
        <source>bruising</source>
        <translation>Bluterguss</translation>
    </message>
    <message>
        <source>pain at rest</source>
        <translation>Schmerz in Ruhe</translation>
    </message>
    <message>
        <source>could not bear weight</source>
        <translation>nicht belastbar</translation>
    </message>
    <message>
        <source>pain of 7/10 or more</source>
        <translation>Schmerz von 7/10 oder mehr</translation>
    </message>
    <message>
        <source>did not stretch</source>
        <translation>nicht gedehnt</translation>
    </message>
    <message>
        <source>went on, gently</source>
        <translation>sanft weitergemacht</translation>
    </message>
    <message>
        <source>stopped the exercises, went on to the ice</source>
        <translation>Übungen beendet, weiter mit dem Eis</translation>
    </message>
    <message>
        <source>watch file (FIT)</source>
        <translation>Uhrdatei (FIT)</translation>
    </message>
    <message>
        <source>TCX file</source>
        <translation>TCX-Datei</translation>
    </message>
    <message>
        <source>GPX file</source>
        <translation>GPX-Datei</translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation>von Hand eingetragen</translation>
    </message>
    <message>
        <source>left leg</source>
        <extracomment>A side as a whole phrase (an adjective agrees with its noun in German: &quot;linkes Bein&quot;).</extracomment>
        <translation>linkes Bein</translation>
    </message>
    <message>
        <source>right leg</source>
        <translation>rechtes Bein</translation>
    </message>
    <message>
        <source>both legs</source>
        <translation>beide Beine</translation>
    </message>
    <message>
        <source>%1, hold %2</source>
        <translation>%1, Dehnung %2</translation>
    </message>
    <message>
        <source>%1, set %2</source>
        <translation>%1, Satz %2</translation>
    </message>
    <message>
        <source>hold %1</source>
        <translation>Dehnung %1</translation>
    </message>
    <message>
        <source>set %1</source>
        <translation>Satz %1</translation>
    </message>
    <message>
        <source>%1, round %2 of %3</source>
        <extracomment>A step of a group done several times, as the history keeps it (its name and round).</extracomment>
        <translation>%1, Runde %2 von %3</translation>
    </message>
    <message>
        <source>It hurt during %1: %2</source>
        <translation>Schmerz während %1: %2</translation>
    </message>
    <message>
        <source>Warning signs before the routine (%1): %2</source>
        <translation>Warnzeichen vor der Routine (%1): %2</translation>
    </message>
    <message>
        <source>Warning signs after the routine (%1): advised to see a doctor</source>
        <translation>Warnzeichen nach der Routine (%1): Arztbesuch empfohlen</translation>
    </message>
    <message>
        <source>A note this version cannot read</source>
        <translation>Ein Eintrag, den diese Version nicht lesen kann</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Active time</source>
        <translation>Aktive Zeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Schmerz</translation>
    </message>
    <message>
        <source>Pain before → after the session (0–10)</source>
        <translation>Schmerz vor → nach der Einheit (0–10)</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>History — Soleus Coach</source>
        <extracomment>A period of this many days or more is charted by month.</extracomment>
        <translation>Verlauf — Soleus Coach</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Letzte 4 Wochen</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>Letzte 12 Wochen</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Steps done in this session</source>
        <translation>In dieser Einheit erledigte Schritte</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Notes about this session (how it felt, the run before it…)</source>
        <translation>Notizen zu dieser Einheit (wie es sich anfühlte, der Lauf davor …)</translation>
    </message>
    <message>
        <source>Save &amp;notes</source>
        <translation>&amp;Notizen speichern</translation>
    </message>
    <message>
        <source>&amp;Delete session</source>
        <translation>Einheit &amp;löschen</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren …</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Als &amp;JSON exportieren …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Routine:</source>
        <translation>&amp;Routine:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>All routines</source>
        <translation>Alle Routinen</translation>
    </message>
    <message>
        <source>%1 of %2 sessions</source>
        <translation>%1 von %2 Einheiten</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Einheit</numerusform>
            <numerusform>%n Einheiten</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation>Noch keine Einheiten</translation>
    </message>
    <message>
        <source>No sessions match</source>
        <translation>Keine passenden Einheiten</translation>
    </message>
    <message>
        <source>Finished routines appear here, with your pain check-ins.</source>
        <translation>Abgeschlossene Routinen erscheinen hier, mit Ihren Schmerzangaben.</translation>
    </message>
    <message>
        <source>%1 · active %2, paused %3</source>
        <translation>%1 · aktiv %2, angehalten %3</translation>
    </message>
    <message>
        <source>Pain before → after: %1</source>
        <translation>Schmerz vorher → nachher: %1</translation>
    </message>
    <message>
        <source>Injured leg: %1</source>
        <translation>Verletztes Bein: %1</translation>
    </message>
    <message>
        <source>Steps (%1 done, %2 skipped):</source>
        <translation>Schritte (%1 erledigt, %2 übersprungen):</translation>
    </message>
    <message>
        <source>Safety notes:</source>
        <translation>Sicherheitshinweise:</translation>
    </message>
    <message>
        <source>Notes saved.</source>
        <translation>Notizen gespeichert.</translation>
    </message>
    <message>
        <source>Deleted the session of %1.</source>
        <translation>Die Einheit vom %1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to </source>
        <translation>
            <numerusform>%n Einheit exportiert nach </numerusform>
            <numerusform>%n Einheiten exportiert nach </numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>After a run</source>
        <translation>Nach dem Lauf</translation>
    </message>
    <message>
        <source>Before a run</source>
        <translation>Vor dem Lauf</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>(not set: asked when a routine starts)</source>
        <translation>(nicht festgelegt: wird beim Start einer Routine gefragt)</translation>
    </message>
    <message>
        <source>Sore &amp;calf:</source>
        <translation>Schmerzende &amp;Wade:</translation>
    </message>
    <message>
        <source>&amp;Ask about pain before each routine</source>
        <translation>Vor jeder Routine nach Schmerzen &amp;fragen</translation>
    </message>
    <message>
        <source>Loading your history…</source>
        <translation>Ihr Verlauf wird geladen …</translation>
    </message>
    <message>
        <source>Your calf</source>
        <translation>Ihre Wade</translation>
    </message>
    <message>
        <source>Histor&amp;y…</source>
        <translation>&amp;Verlauf …</translation>
    </message>
    <message>
        <source>Pain after each session, oldest first: %1.</source>
        <translation>Schmerz nach jeder Einheit, älteste zuerst: %1.</translation>
    </message>
    <message>
        <source>No pain recorded after a session in the last four weeks.</source>
        <translation>In den letzten vier Wochen wurde nach keiner Einheit ein Schmerz angegeben.</translation>
    </message>
    <message>
        <source>Pain after sessions: %1/10 in the last 7 days, up from %2/10 before. Ease off; if it keeps rising, see a physiotherapist.</source>
        <translation>Schmerz nach den Einheiten: %1/10 in den letzten 7 Tagen, gestiegen von %2/10 davor. Treten Sie kürzer; steigt er weiter, gehen Sie zu einer Physiotherapeutin oder einem Physiotherapeuten.</translation>
    </message>
    <message>
        <source>Pain after sessions: %1/10 in the last 7 days, down from %2/10 before.</source>
        <translation>Schmerz nach den Einheiten: %1/10 in den letzten 7 Tagen, gesunken von %2/10 davor.</translation>
    </message>
    <message>
        <source>Pain after sessions: steady at about %1/10.</source>
        <translation>Schmerz nach den Einheiten: gleichbleibend bei etwa %1/10.</translation>
    </message>
    <message>
        <source>Pain after sessions: %1/10 on average; none recorded in the last 7 days.</source>
        <translation>Schmerz nach den Einheiten: im Schnitt %1/10; in den letzten 7 Tagen keine Angabe.</translation>
    </message>
    <message>
        <source>Pain after sessions in the last 7 days: %1/10 on average.</source>
        <translation>Schmerz nach den Einheiten in den letzten 7 Tagen: im Schnitt %1/10.</translation>
    </message>
    <message>
        <source>Next, back from your run: %1 · Enter starts it</source>
        <translation>Als Nächstes, zurück vom Lauf: %1 · Eingabe startet</translation>
    </message>
    <message>
        <source>Next, before you run: %1 · Enter starts it</source>
        <translation>Als Nächstes, vor dem Lauf: %1 · Eingabe startet</translation>
    </message>
    <message>
        <source>All &amp;routines…</source>
        <translation>Alle &amp;Routinen …</translation>
    </message>
    <message>
        <source>Every routine, with its steps; import your own</source>
        <translation>Jede Routine mit ihren Schritten; eigene importieren</translation>
    </message>
    <message>
        <source>Your past sessions, pain check-ins and export (Ctrl+H)</source>
        <translation>Ihre bisherigen Einheiten, Schmerzangaben und Export (Strg+H)</translation>
    </message>
    <message>
        <source>Not found: choose one in All routines</source>
        <translation>Nicht gefunden: wählen Sie eine unter „Alle Routinen“</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions yet. Your history and weekly progress will show here.</source>
        <translation>Noch keine Einheiten. Ihr Verlauf und Ihr Wochenfortschritt erscheinen hier.</translation>
    </message>
    <message numerus="yes">
        <source>This week: %n session(s)</source>
        <translation>
            <numerusform>Diese Woche: %n Einheit</numerusform>
            <numerusform>Diese Woche: %n Einheiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days in a row</source>
        <translation>
            <numerusform>%n Tag in Folge</numerusform>
            <numerusform>%n Tage in Folge</numerusform>
        </translation>
    </message>
    <message>
        <source>history not saved to disk</source>
        <translation>Verlauf nicht auf der Festplatte gespeichert</translation>
    </message>
    <message>
        <source>Your last check-in had warning signs (%1). Please see a doctor before you stretch; the next routine asks how your calf is first.</source>
        <translation>Deine letzte Abfrage zeigte Warnzeichen (%1). Bitte geh zum Arzt, bevor du dehnst; die nächste Routine fragt zuerst, wie es deiner Wade geht.</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Last session: %1 · %2 · %3</source>
        <translation>Letzte Einheit: %1 · %2 · %3</translation>
    </message>
    <message>
        <source>pain %1 → %2</source>
        <translation>Schmerz %1 → %2</translation>
    </message>
</context>
<context>
    <name>Ice</name>
    <message>
        <source>Wrap the ice in a thin damp cloth, never bare on skin. Check your skin every 5 minutes. Take it off if the skin goes numb, white or blistered, or it hurts a lot. 20 minutes at most.</source>
        <translation>Wickeln Sie das Eis in ein dünnes, feuchtes Tuch, nie direkt auf die Haut. Prüfen Sie die Haut alle 5 Minuten. Nehmen Sie es ab, wenn die Haut taub, weiß oder blasig wird oder stark schmerzt. Höchstens 20 Minuten.</translation>
    </message>
    <message>
        <source>Before you use ice</source>
        <extracomment>Shown once, before the first ice step the user ever runs (the GUI stores that it was shown).</extracomment>
        <translation>Bevor Sie Eis verwenden</translation>
    </message>
    <message>
        <source>Skip ice if you have Raynaud&apos;s, hives from cold, poor feeling or circulation in your legs, or broken skin there. Ask a doctor first.</source>
        <translation>Verzichten Sie auf Eis bei Raynaud-Syndrom, Kälteurtikaria, schlechtem Gefühl oder schlechter Durchblutung in den Beinen oder verletzter Haut dort. Fragen Sie zuerst einen Arzt.</translation>
    </message>
    <message>
        <source>Ice can ease pain, but newer guidance says it may not speed healing.</source>
        <translation>Eis kann Schmerzen lindern, beschleunigt aber nach neueren Empfehlungen die Heilung wohl nicht.</translation>
    </message>
    <message>
        <source>Ice stops after 20 minutes at most, whatever the routine or settings ask for.</source>
        <extracomment>Shown when a protocol or a setting asked for more ice than the hard cap.</extracomment>
        <translation>Das Kühlen endet nach höchstens 20 Minuten, was auch immer Routine oder Einstellungen vorsehen.</translation>
    </message>
    <message>
        <source>Cold through a thin damp cloth, never bare on skin. Take it off if the skin goes numb or white.</source>
        <extracomment>Shown on an ice step of 5 minutes or less (a cold round of a contrast routine).</extracomment>
        <translation>Kälte nur durch ein dünnes feuchtes Tuch, nie direkt auf die Haut. Nehmen Sie sie ab, wenn die Haut taub oder weiß wird.</translation>
    </message>
    <message>
        <source>You iced less than 2 hours ago. Ice up to 20 minutes every 2–3 hours, not more often.</source>
        <extracomment>Before a routine with ice when the last ice ended less than 2 hours ago.</extracomment>
        <translation>Sie haben vor weniger als 2 Stunden gekühlt. Kühlen Sie bis zu 20 Minuten alle 2–3 Stunden, nicht öfter.</translation>
    </message>
    <message>
        <source>Muscles work less well for about 30 minutes after icing. Don&apos;t ice before a run.</source>
        <extracomment>Shown with pre-run routines (and wherever ice could come right before a run).</extracomment>
        <translation>Muskeln arbeiten nach dem Kühlen etwa 30 Minuten lang schlechter. Kühlen Sie nicht vor einem Lauf.</translation>
    </message>
</context>
<context>
    <name>IllustrationView</name>
    <message>
        <source>Illustration of the exercise</source>
        <extracomment>The card every picture is drawn on, and its margin around the picture (pixels). Megabytes Qt may allocate to decode one image (the default is 256).</extracomment>
        <translation>Abbildung der Übung</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>Runs imported</source>
        <extracomment>The runner wants to review the runs marked &quot;not sure&quot; (in the history window).</extracomment>
        <translation>Läufe importiert</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2: what was read is kept; import again to read the rest (what is stored already is found as duplicates).</source>
        <translation>Angehalten nach %1 von %2: Was gelesen wurde, bleibt gespeichert; importieren Sie noch einmal, um den Rest zu lesen (schon Gespeichertes wird als vorhanden erkannt).</translation>
    </message>
    <message>
        <source>Not sure these are runs — confirm or delete them in History:</source>
        <translation>Ob das Läufe sind, ist unsicher – im Verlauf bestätigen oder löschen:</translation>
    </message>
    <message>
        <source>Could not be read:</source>
        <translation>Nicht lesbar:</translation>
    </message>
    <message>
        <source>Not runs:</source>
        <translation>Keine Läufe:</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>Importiert:</translation>
    </message>
    <message>
        <source>Already in your history:</source>
        <translation>Schon in Ihrem Verlauf:</translation>
    </message>
    <message>
        <source>&amp;Review in History…</source>
        <translation>Im &amp;Verlauf prüfen …</translation>
    </message>
    <message>
        <source>Files read</source>
        <translation>Gelesene Dateien</translation>
    </message>
</context>
<context>
    <name>ItHurts</name>
    <message>
        <source>It hurts</source>
        <translation>Es tut weh</translation>
    </message>
    <message>
        <source>Hold ended. Sharp pain means stop.</source>
        <extracomment>A stretch&apos;s hold (domain.md&apos;s wording, as is).</extracomment>
        <translation>Dehnung beendet. Stechender Schmerz heißt: aufhören.</translation>
    </message>
    <message>
        <source>Set ended. Loading may be uncomfortable, up to 5 out of 10, but sharp pain or pain above 5 out of 10 means stop for today.</source>
        <translation>Satz beendet. Belastung darf unangenehm sein, bis 5 von 10; stechender Schmerz oder Schmerz über 5 von 10 heißt: für heute aufhören.</translation>
    </message>
    <message>
        <source>Exercise ended. Sharp pain, or pain that grows as you move, means stop.</source>
        <translation>Übung beendet. Stechender Schmerz oder Schmerz, der beim Bewegen zunimmt, heißt: aufhören.</translation>
    </message>
    <message>
        <source>Take the ice off now. If the skin is numb, white or blistered, keep it off and warm the calf slowly.</source>
        <translation>Nimm das Eis jetzt ab. Ist die Haut taub, weiß oder hat Blasen, lass es weg und wärme die Wade langsam.</translation>
    </message>
    <message>
        <source>Take the heat off now. Heat should feel warm, never hot or painful.</source>
        <translation>Nimm die Wärme jetzt ab. Wärme soll sich warm anfühlen, nie heiß oder schmerzhaft.</translation>
    </message>
    <message>
        <source>Paused. Sharp pain means stop.</source>
        <translation>Angehalten. Stechender Schmerz heißt: aufhören.</translation>
    </message>
    <message>
        <source>Stop</source>
        <extracomment>The default choice, where no ice follows.</extracomment>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Stop the exercises, go on to the ice</source>
        <extracomment>The default choice where ice follows: the part that still makes sense when it hurts.</extracomment>
        <translation>Übungen beenden, weiter mit dem Eis</translation>
    </message>
    <message>
        <source>Stop the routine</source>
        <translation>Routine beenden</translation>
    </message>
    <message>
        <source>Continue gently (bend the front knee less)</source>
        <translation>Sanft weitermachen (vorderes Knie weniger beugen)</translation>
    </message>
    <message>
        <source>Continue with fewer reps or less weight</source>
        <translation>Mit weniger Wiederholungen oder weniger Gewicht weitermachen</translation>
    </message>
    <message>
        <source>Continue gently (smaller, slower movements)</source>
        <translation>Sanft weitermachen (kleinere, langsamere Bewegungen)</translation>
    </message>
    <message>
        <source>Go on with the rest of the routine</source>
        <translation>Mit dem Rest der Routine weitermachen</translation>
    </message>
</context>
<context>
    <name>LegQuestion</name>
    <message>
        <source>Which calf hurts?</source>
        <translation>Welche Wade schmerzt?</translation>
    </message>
    <message>
        <source>This routine stretches the sore leg first.</source>
        <translation>Diese Routine dehnt zuerst das schmerzende Bein.</translation>
    </message>
    <message>
        <source>&amp;Left (L)</source>
        <translation>&amp;Links (L)</translation>
    </message>
    <message>
        <source>&amp;Right (R)</source>
        <translation>&amp;Rechts (R)</translation>
    </message>
    <message>
        <source>&amp;Both (B)</source>
        <translation>&amp;Beide (B)</translation>
    </message>
    <message>
        <source>Not now (Esc)</source>
        <translation>Jetzt nicht (Esc)</translation>
    </message>
    <message>
        <source>Re&amp;member for next time</source>
        <translation>Für das nächste Mal &amp;merken</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Routines</source>
        <translation>Routinen</translation>
    </message>
    <message>
        <source>Steps of the selected routine</source>
        <translation>Schritte der ausgewählten Routine</translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start the selected routine</source>
        <translation>Die ausgewählte Routine starten</translation>
    </message>
    <message>
        <source>Start the selected routine (Enter)</source>
        <translation>Die ausgewählte Routine starten (Eingabetaste)</translation>
    </message>
    <message>
        <source>Use for &amp;after a run</source>
        <translation>Für „&amp;nach dem Lauf“ verwenden</translation>
    </message>
    <message>
        <source>The home screen&apos;s “After a run” starts this routine</source>
        <translation>„Nach dem Lauf“ auf der Startseite startet diese Routine</translation>
    </message>
    <message>
        <source>Use for &amp;before a run</source>
        <translation>Für „&amp;vor dem Lauf“ verwenden</translation>
    </message>
    <message>
        <source>The home screen&apos;s “Before a run” starts this routine</source>
        <translation>„Vor dem Lauf“ auf der Startseite startet diese Routine</translation>
    </message>
    <message>
        <source>&amp;Customize…</source>
        <translation>&amp;Kopie anpassen …</translation>
    </message>
    <message>
        <source>Open a copy of this routine in the editor</source>
        <translation>Eine Kopie dieser Routine im Editor öffnen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Change your routine in the editor</source>
        <translation>Deine Routine im Editor ändern</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Move your routine to the trash (asks first)</source>
        <translation>Deine Routine in den Papierkorb verschieben (fragt vorher)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>Expor&amp;tieren …</translation>
    </message>
    <message>
        <source>Save this routine as a file to share (with its own pictures and sounds, as a .zip)</source>
        <translation>Diese Routine als Datei zum Weitergeben speichern (mit eigenen Bildern und Klängen als .zip)</translation>
    </message>
    <message>
        <source>Pri&amp;nt…</source>
        <translation>Dr&amp;ucken …</translation>
    </message>
    <message>
        <source>◀ Ho&amp;me</source>
        <translation>◀ Sta&amp;rtseite</translation>
    </message>
    <message>
        <source>Print this routine on one page, or save the page as a PDF</source>
        <translation>Diese Routine auf einer Seite drucken oder die Seite als PDF speichern</translation>
    </message>
    <message>
        <source>Back to the home screen (Esc)</source>
        <translation>Zurück zur Startseite (Esc)</translation>
    </message>
    <message>
        <source>All routines</source>
        <translation>Alle Routinen</translation>
    </message>
    <message>
        <source>This file could not be loaded:</source>
        <translation>Diese Datei konnte nicht geladen werden:</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Load</name>
    <message>
        <source>Your running and your calf</source>
        <translation>Ihr Laufen und Ihre Wade</translation>
    </message>
    <message>
        <source>Your weekly distance went from %1 km (the average of the four weeks before) to %2 km this week, and your calf pain rose.</source>
        <translation>Ihre Wochenstrecke stieg von %1 km (dem Durchschnitt der vier Wochen davor) auf %2 km in dieser Woche, und Ihre Wadenschmerzen nahmen zu.</translation>
    </message>
    <message>
        <source>Increasing distance too quickly is a common cause of calf pain.</source>
        <translation>Die Strecke zu schnell zu steigern, ist eine häufige Ursache von Wadenschmerzen.</translation>
    </message>
    <message>
        <source>Your run of %1 km on %2 was much longer than your longest in the 30 days before it (%3 km), and your calf pain rose.</source>
        <translation>Ihr Lauf über %1 km am %2 war viel länger als Ihr längster in den 30 Tagen davor (%3 km), und Ihre Wadenschmerzen nahmen zu.</translation>
    </message>
    <message>
        <source>A single run much longer than your longest in the last month has been linked to running injuries.</source>
        <translation>Ein einzelner Lauf, der viel länger ist als Ihr längster im letzten Monat, wurde mit Laufverletzungen in Verbindung gebracht.</translation>
    </message>
    <message>
        <source>Your runs this week climbed %1 m per km, against %2 m per km in the four weeks before, and your calf pain rose.</source>
        <translation>Ihre Läufe in dieser Woche hatten %1 m Anstieg pro km, gegenüber %2 m pro km in den vier Wochen davor, und Ihre Wadenschmerzen nahmen zu.</translation>
    </message>
    <message>
        <source>Running uphill makes the soleus work harder; hills are a common cause of calf pain.</source>
        <translation>Bergauflaufen fordert den Soleus stärker; Steigungen sind eine häufige Ursache von Wadenschmerzen.</translation>
    </message>
    <message>
        <source>This is what your history shows, not a diagnosis. If the pain does not settle, a physical therapist can check it.</source>
        <translation>Das zeigt Ihr Verlauf; es ist keine Diagnose. Wenn der Schmerz nicht abklingt, kann eine Physiotherapeutin oder ein Physiotherapeut ihn abklären.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Soleus Coach</source>
        <translation>Soleus Coach</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Einheit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>“After a run” now starts %1.</source>
        <translation>„Nach dem Lauf“ startet jetzt %1.</translation>
    </message>
    <message>
        <source>“Before a run” now starts %1.</source>
        <translation>„Vor dem Lauf“ startet jetzt %1.</translation>
    </message>
    <message>
        <source>No routine with the id %1</source>
        <translation>Keine Routine mit der Kennung %1</translation>
    </message>
    <message>
        <source>Time for your calf routine</source>
        <translation>Zeit für Ihre Wadenroutine</translation>
    </message>
    <message>
        <source>%1: %2. Click here to start it.</source>
        <translation>%1: %2. Hier klicken, um sie zu starten.</translation>
    </message>
    <message>
        <source>After a run</source>
        <translation>Nach dem Lauf</translation>
    </message>
    <message>
        <source>Before a run</source>
        <translation>Vor dem Lauf</translation>
    </message>
    <message>
        <source>press Enter to start it.</source>
        <translation>mit der Eingabetaste starten.</translation>
    </message>
    <message>
        <source>The start with your desktop session could not be set (%1).</source>
        <translation>Der Start mit Ihrer Desktop-Sitzung konnte nicht eingerichtet werden (%1).</translation>
    </message>
    <message>
        <source>%1 — Soleus Coach</source>
        <translation>%1 — Soleus Coach</translation>
    </message>
    <message numerus="yes">
        <source>%n routine file(s) could not be loaded; select one to see why.</source>
        <translation>
            <numerusform>%n Routinendatei konnte nicht geladen werden; wählen Sie sie aus, um den Grund zu sehen.</numerusform>
            <numerusform>%n Routinendateien konnten nicht geladen werden; wählen Sie eine aus, um den Grund zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Sound cues on</source>
        <translation>Tonsignale an</translation>
    </message>
    <message>
        <source>Sound cues off: the countdown flashes instead (M turns them on)</source>
        <translation>Tonsignale aus: Stattdessen blinkt der Countdown (M schaltet sie ein)</translation>
    </message>
    <message>
        <source>Sound is still starting; try again.</source>
        <translation>Der Ton startet noch; bitte noch einmal versuchen.</translation>
    </message>
    <message>
        <source>The new language is used the next time Soleus Coach starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Soleus Coach.</translation>
    </message>
    <message>
        <source>Settings could not be saved (%1); they apply until you quit.</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden (%1); sie gelten bis zum Beenden.</translation>
    </message>
    <message>
        <source>A routine is already running; %1 was not started.</source>
        <translation>Es läuft schon eine Routine; %1 wurde nicht gestartet.</translation>
    </message>
</context>
<context>
    <name>MakeRoundsDialog</name>
    <message>
        <source>Make rounds</source>
        <extracomment>What &quot;Make rounds…&quot; offers first: contrast therapy and most circuits are 3 rounds.</extracomment>
        <translation>Runden bilden</translation>
    </message>
    <message>
        <source>Steps %1 to %2 are done several times in a row.</source>
        <translation>Die Schritte %1 bis %2 werden mehrmals hintereinander gemacht.</translation>
    </message>
    <message>
        <source>Step %1 is done several times in a row.</source>
        <translation>Schritt %1 wird mehrmals hintereinander gemacht.</translation>
    </message>
    <message>
        <source> rounds</source>
        <translation> Runden</translation>
    </message>
    <message>
        <source>&amp;Rounds</source>
        <translation>&amp;Runden</translation>
    </message>
    <message>
        <source>R&amp;est between rounds</source>
        <translation>&amp;Pause zwischen den Runden</translation>
    </message>
</context>
<context>
    <name>MakerDialog</name>
    <message>
        <source>Make a programme</source>
        <translation>Programm erstellen</translation>
    </message>
    <message>
        <source>Phase 1</source>
        <translation>Phase 1</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>ohne Ende</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>&amp;Zusammenfassung:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>&amp;Add phase</source>
        <translation>Phase &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove phase</source>
        <translation>Phase &amp;entfernen</translation>
    </message>
    <message>
        <source>Phases:</source>
        <translation>Phasen:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Phase %1</source>
        <translation>Phase %1</translation>
    </message>
</context>
<context>
    <name>ManualRunDialog</name>
    <message>
        <source>Add a run</source>
        <translation>Lauf eintragen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>Untergrund</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>Keine Angabe</translation>
    </message>
    <message>
        <source>Shoes</source>
        <translation>Schuhe</translation>
    </message>
    <message>
        <source>%1 (%2 km)</source>
        <translation>%1 (%2 km)</translation>
    </message>
    <message>
        <source>Type a new pair or choose one</source>
        <translation>Neues Paar eingeben oder eines wählen</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <source>&amp;Distance:</source>
        <translation>St&amp;recke:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Zeit:</translation>
    </message>
    <message>
        <source>S&amp;urface:</source>
        <translation>&amp;Untergrund:</translation>
    </message>
    <message>
        <source>S&amp;hoes:</source>
        <translation>Sc&amp;huhe:</translation>
    </message>
    <message>
        <source>&amp;Add run</source>
        <translation>Lauf &amp;eintragen</translation>
    </message>
    <message>
        <source>You already have this run (%1).</source>
        <translation>Diesen Lauf haben Sie schon (%1).</translation>
    </message>
</context>
<context>
    <name>MorningCheck</name>
    <message>
        <source>Good morning: how is your calf?</source>
        <translation>Guten Morgen: Wie geht es Ihrer Wade?</translation>
    </message>
    <message>
        <source>How much did your calf hurt on your first steps out of bed today?</source>
        <translation>Wie stark hat Ihre Wade heute bei den ersten Schritten nach dem Aufstehen geschmerzt?</translation>
    </message>
    <message>
        <source>0 = no pain · 10 = worst pain imaginable. Type a number, or use the arrow keys. Pain after loading should have settled by the next morning.</source>
        <translation>0 = kein Schmerz · 10 = stärkster vorstellbarer Schmerz. Tippen Sie eine Zahl oder nutzen Sie die Pfeiltasten. Schmerz nach der Belastung sollte bis zum nächsten Morgen abgeklungen sein.</translation>
    </message>
    <message>
        <source>Is it stiffer than yesterday morning?</source>
        <translation>Ist sie steifer als gestern Morgen?</translation>
    </message>
    <message>
        <source>&amp;Yes, stiffer</source>
        <translation>&amp;Ja, steifer</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Sound is unavailable: %1. The countdown flashes instead.</source>
        <translation>Kein Ton verfügbar: %1. Stattdessen blinkt der Countdown.</translation>
    </message>
    <message>
        <source>install pipewire-bin (pw-play), pulseaudio-utils (paplay) or alsa-utils (aplay)</source>
        <translation>installieren Sie pipewire-bin (pw-play), pulseaudio-utils (paplay) oder alsa-utils (aplay)</translation>
    </message>
    <message>
        <source>afplay should be present on macOS; check the sound output in System Settings</source>
        <translation>afplay gehört zu macOS; prüfen Sie die Tonausgabe in den Systemeinstellungen</translation>
    </message>
    <message>
        <source>check that Windows has a sound output device</source>
        <translation>prüfen Sie, ob Windows ein Ausgabegerät für Ton hat</translation>
    </message>
    <message>
        <source>The history file could not be used (%1). It was moved to %2 and a new, empty history was started.</source>
        <translation>Die Verlaufsdatei war nicht lesbar (%1). Sie wurde nach %2 verschoben, und ein neuer, leerer Verlauf wurde begonnen.</translation>
    </message>
    <message>
        <source>Your history at %1 was written by a newer version of Soleus Coach (schema %2; this version knows %3). It is left untouched and not shown; sessions you do now are kept only until you quit.</source>
        <translation>Ihr Verlauf in %1 stammt von einer neueren Version von Soleus Coach (Schema %2; diese Version kennt %3). Er bleibt unverändert und wird nicht angezeigt; Einheiten von jetzt werden nur bis zum Beenden behalten.</translation>
    </message>
    <message>
        <source>History updated from schema %1 to %2.</source>
        <translation>Verlauf von Schema %1 auf %2 aktualisiert.</translation>
    </message>
    <message>
        <source>%1 session(s) in your history hold values this app cannot read; they are left out of what it shows and exports, and kept in the file as they are.</source>
        <translation>%1 Einheit(en) im Verlauf enthalten Werte, die diese App nicht lesen kann; sie werden weder angezeigt noch exportiert und bleiben unverändert in der Datei.</translation>
    </message>
    <message>
        <source>%1 run(s) in your history hold values this app cannot read; they are left out of what it shows and exports, and kept in the file as they are.</source>
        <translation>%1 Lauf/Läufe im Verlauf enthalten Werte, die diese App nicht lesen kann; sie werden weder angezeigt noch exportiert und bleiben unverändert in der Datei.</translation>
    </message>
    <message>
        <source>History cannot be saved in %1 (%2). Your sessions still run and are kept in memory until you quit: export them from History.</source>
        <translation>Der Verlauf kann in %1 nicht gespeichert werden (%2). Ihre Einheiten laufen trotzdem und bleiben bis zum Beenden im Speicher: Exportieren Sie sie im Verlauf.</translation>
    </message>
    <message>
        <source>%1 session(s) did not finish (the app was closed or the computer stopped); they are kept in your history as interrupted.</source>
        <translation>%1 Einheit(en) wurden nicht beendet (die App wurde geschlossen oder der Computer ging aus); sie bleiben als unterbrochen im Verlauf.</translation>
    </message>
    <message>
        <source>the disk is full: %1 KiB free; %2</source>
        <translation>der Datenträger ist voll: %1 KiB frei; %2</translation>
    </message>
    <message>
        <source>cannot read settings (%1); using defaults</source>
        <translation>Einstellungen nicht lesbar (%1); es gelten die Vorgaben</translation>
    </message>
    <message>
        <source>settings file %1 is damaged; using defaults</source>
        <translation>Einstellungsdatei %1 ist beschädigt; es gelten die Vorgaben</translation>
    </message>
    <message>
        <source>settings file is not a JSON object; using defaults</source>
        <translation>Einstellungsdatei ist kein JSON-Objekt; es gelten die Vorgaben</translation>
    </message>
    <message>
        <source>setting &apos;%1&apos; ignored (%2)</source>
        <translation>Einstellung „%1“ ignoriert (%2)</translation>
    </message>
    <message>
        <source>No system voice speaks this language here, so recorded words play instead. %1</source>
        <translation>Hier spricht keine Systemstimme diese Sprache, daher werden aufgenommene Wörter abgespielt. %1</translation>
    </message>
    <message>
        <source>No system voice speaks this language here, so tones play instead. %1</source>
        <translation>Hier spricht keine Systemstimme diese Sprache, daher werden Töne abgespielt. %1</translation>
    </message>
    <message>
        <source>Install espeak-ng to hear each step&apos;s name.</source>
        <translation>Installieren Sie espeak-ng, um die Namen der Schritte zu hören.</translation>
    </message>
    <message>
        <source>Add a voice in System Settings, Accessibility, Spoken Content.</source>
        <translation>Fügen Sie eine Stimme hinzu: Systemeinstellungen, Bedienungshilfen, Gesprochene Inhalte.</translation>
    </message>
    <message>
        <source>Add a voice in Settings, Time and language, Speech.</source>
        <translation>Fügen Sie eine Stimme hinzu: Einstellungen, Zeit und Sprache, Spracherkennung.</translation>
    </message>
    <message>
        <source>The system voice failed (%1), so recorded words play instead.</source>
        <translation>Die Systemstimme hat versagt (%1), daher werden aufgenommene Wörter abgespielt.</translation>
    </message>
</context>
<context>
    <name>OwnFiles</name>
    <message>
        <source>Choose a picture</source>
        <translation>Bild wählen</translation>
    </message>
    <message>
        <source>Pictures (*.svg *.png)</source>
        <translation>Bilder (*.svg *.png)</translation>
    </message>
    <message>
        <source>Choose a sound</source>
        <translation>Ton wählen</translation>
    </message>
    <message>
        <source>Sounds (*.wav *.ogg *.mp3)</source>
        <translation>Töne (*.wav *.ogg *.mp3)</translation>
    </message>
    <message>
        <source>File not copied</source>
        <translation>Datei nicht kopiert</translation>
    </message>
</context>
<context>
    <name>PainDuring</name>
    <message>
        <source>How did the exercises feel?</source>
        <translation>Wie haben sich die Übungen angefühlt?</translation>
    </message>
    <message>
        <source>During %1: how much did your calf hurt at most?</source>
        <translation>Während %1: Wie stark hat Ihre Wade höchstens geschmerzt?</translation>
    </message>
    <message>
        <source>Up to 5/10 is acceptable while loading, if it has settled by tomorrow morning. Sharp pain means stop.</source>
        <translation>Bis 5/10 ist bei Belastung in Ordnung, wenn es bis morgen früh abgeklungen ist. Stechender Schmerz heißt: aufhören.</translation>
    </message>
</context>
<context>
    <name>PainRow</name>
    <message>
        <source>Pain %1 of 10</source>
        <translation>Schmerz %1 von 10</translation>
    </message>
</context>
<context>
    <name>PhaseForm</name>
    <message>
        <source>Phase &amp;name:</source>
        <translation>&amp;Name der Phase:</translation>
    </message>
    <message>
        <source>L&amp;oad:</source>
        <translation>&amp;Belastung:</translation>
    </message>
    <message>
        <source>Add rou&amp;tine</source>
        <translation>Ü&amp;bungsfolge hinzufügen</translation>
    </message>
    <message>
        <source>Suggest the next phase after</source>
        <translation>Die nächste Phase vorschlagen nach</translation>
    </message>
    <message>
        <source> days in a row</source>
        <translation> Tagen in Folge</translation>
    </message>
    <message>
        <source>/10</source>
        <translation>/10</translation>
    </message>
    <message>
        <source>with pain during at most</source>
        <translation>mit Schmerz während der Übungen von höchstens</translation>
    </message>
    <message>
        <source>…and every next morning settled (the pain-monitoring model).</source>
        <translation>…und jeden nächsten Morgen abgeklungen (das Schmerz-Monitoring-Modell).</translation>
    </message>
    <message>
        <source>The last phase: there is no next one.</source>
        <translation>Die letzte Phase: Danach kommt keine mehr.</translation>
    </message>
    <message>
        <source>Routines, and how often:</source>
        <translation>Übungsfolgen, und wie oft:</translation>
    </message>
    <message>
        <source>after every run</source>
        <translation>nach jedem Lauf</translation>
    </message>
    <message>
        <source>before every run</source>
        <translation>vor jedem Lauf</translation>
    </message>
    <message>
        <source>once a day</source>
        <translation>einmal täglich</translation>
    </message>
    <message>
        <source>twice a day</source>
        <translation>zweimal täglich</translation>
    </message>
    <message>
        <source>days a week</source>
        <translation>Tage pro Woche</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>PrintSheet</name>
    <message>
        <source>Before a run</source>
        <translation>Vor dem Lauf</translation>
    </message>
    <message>
        <source>After a run</source>
        <translation>Nach dem Lauf</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>About %1 min</source>
        <translation>Etwa %1 min</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Print routine</source>
        <translation>Routine drucken</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <source>Ease off for a few days?</source>
        <translation>Ein paar Tage kürzertreten?</translation>
    </message>
    <message>
        <source>For the next %1 days: %2 sets fewer of each loading exercise, and no added load. Then back to the plan if your calf has settled.</source>
        <translation>In den nächsten %1 Tagen: bei jeder Belastungsübung %2 Sätze weniger und kein Zusatzgewicht. Danach zurück zum Plan, wenn sich Ihre Wade beruhigt hat.</translation>
    </message>
    <message>
        <source>For the next %1 days: one set fewer of each loading exercise, and no added load. Then back to the plan if your calf has settled.</source>
        <translation>In den nächsten %1 Tagen: bei jeder Belastungsübung ein Satz weniger und kein Zusatzgewicht. Danach zurück zum Plan, wenn sich Ihre Wade beruhigt hat.</translation>
    </message>
    <message>
        <source>Ease off</source>
        <translation>Kürzertreten</translation>
    </message>
    <message>
        <source>Keep going as planned</source>
        <translation>Wie geplant weitermachen</translation>
    </message>
    <message>
        <source>Ready for the next phase?</source>
        <translation>Bereit für die nächste Phase?</translation>
    </message>
    <message>
        <source>The next phase: %1 (%2).</source>
        <translation>Die nächste Phase: %1 (%2).</translation>
    </message>
    <message>
        <source>Move on</source>
        <translation>Weiter zur nächsten Phase</translation>
    </message>
    <message>
        <source>Stay in this phase</source>
        <translation>In dieser Phase bleiben</translation>
    </message>
    <message>
        <source>Your calf has not settled</source>
        <translation>Ihre Wade hat sich nicht beruhigt</translation>
    </message>
    <message>
        <source>Your calf pain has not been settling, even after easing off. A physiotherapist can check it. Until then, keep the load down.</source>
        <translation>Ihre Wadenschmerzen klingen nicht ab, auch nicht nach dem Kürzertreten. Eine Physiotherapeutin oder ein Physiotherapeut kann das prüfen. Bis dahin: Belastung gering halten.</translation>
    </message>
    <message>
        <source>Rest today</source>
        <translation>Heute ausruhen</translation>
    </message>
    <message>
        <source>You decide. This is a suggestion from your own answers, not a diagnosis; your physiotherapist knows your calf best.</source>
        <translation>Sie entscheiden. Das ist ein Vorschlag aus Ihren eigenen Antworten, keine Diagnose; Ihre Physiotherapie kennt Ihre Wade am besten.</translation>
    </message>
    <message>
        <source>Easing off until %1: %2 sets fewer of each loading exercise, and no added load.</source>
        <translation>Kürzertreten bis %1: bei jeder Belastungsübung %2 Sätze weniger und kein Zusatzgewicht.</translation>
    </message>
    <message>
        <source>Easing off until %1: one set fewer of each loading exercise, and no added load.</source>
        <translation>Kürzertreten bis %1: bei jeder Belastungsübung ein Satz weniger und kein Zusatzgewicht.</translation>
    </message>
    <message>
        <source>The programme&apos;s %1 weeks are over. What comes next is for you and your physiotherapist to decide.</source>
        <translation>Die %1 Wochen des Programms sind vorbei. Wie es weitergeht, entscheiden Sie mit Ihrer Physiotherapie.</translation>
    </message>
    <message>
        <source>Pain during the exercises reached %1/10 on %2: more than 5/10 is too much.</source>
        <translation>Der Schmerz während der Übungen erreichte am %2 %1/10: mehr als 5/10 ist zu viel.</translation>
    </message>
    <message>
        <source>Pain after a session reached %1/10 on %2: more than 5/10 is too much.</source>
        <translation>Der Schmerz nach einer Einheit erreichte am %2 %1/10: mehr als 5/10 ist zu viel.</translation>
    </message>
    <message>
        <source>On your first steps this morning the pain was %1/10, higher than %2/10 on %3: it had not settled overnight.</source>
        <translation>Bei den ersten Schritten heute Morgen lag der Schmerz bei %1/10, höher als %2/10 am %3: Er ist über Nacht nicht abgeklungen.</translation>
    </message>
    <message>
        <source>This morning your calf felt stiffer than the day before.</source>
        <translation>Heute Morgen fühlte sich Ihre Wade steifer an als am Vortag.</translation>
    </message>
    <message>
        <source>Your pain on the first steps averaged %1/10 over the last 7 days, up from %2/10 the 7 days before.</source>
        <translation>Ihr Schmerz bei den ersten Schritten lag in den letzten 7 Tagen im Mittel bei %1/10, nach %2/10 in den 7 Tagen davor.</translation>
    </message>
    <message>
        <source>Pain during the exercises averaged %1/10 over the last 7 days, up from %2/10 the 7 days before.</source>
        <translation>Der Schmerz während der Übungen lag in den letzten 7 Tagen im Mittel bei %1/10, nach %2/10 in den 7 Tagen davor.</translation>
    </message>
    <message>
        <source>You already eased off on %1.</source>
        <translation>Sie sind schon am %1 kürzergetreten.</translation>
    </message>
    <message>
        <source>For %1 days in a row (%2 to %3) pain during the exercises stayed at %4/10 or less (the highest was %5/10), and every next morning had settled.</source>
        <translation>An %1 Tagen in Folge (%2 bis %3) blieb der Schmerz während der Übungen bei höchstens %4/10 (am höchsten: %5/10), und jeden nächsten Morgen war er abgeklungen.</translation>
    </message>
</context>
<context>
    <name>ProgrammeCard</name>
    <message>
        <source>A suggestion is &amp;waiting…</source>
        <translation>Ein Vorschlag &amp;wartet…</translation>
    </message>
    <message>
        <source>Ca&amp;lendar…</source>
        <translation>Ka&amp;lender…</translation>
    </message>
    <message>
        <source>R&amp;eport…</source>
        <translation>B&amp;ericht…</translation>
    </message>
    <message>
        <source>A PDF of this programme for your physiotherapist</source>
        <translation>Ein PDF dieses Programms für Ihre Physiotherapie</translation>
    </message>
    <message>
        <source>week %1 of %2</source>
        <translation>Woche %1 von %2</translation>
    </message>
    <message>
        <source>week %1</source>
        <translation>Woche %1</translation>
    </message>
    <message>
        <source>Phase %1 of %2: %3 · %4 · %5</source>
        <translation>Phase %1 von %2: %3 · %4 · %5</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Heute: %1</translation>
    </message>
    <message>
        <source>Paused: nothing is due and there are no reminders. Programme → Resume carries on.</source>
        <translation>Ruht: Nichts ist fällig, und es gibt keine Erinnerungen. Programm → Fortsetzen macht weiter.</translation>
    </message>
    <message>
        <source>Rest today: see a doctor before loading your calf again.</source>
        <translation>Heute ausruhen: Lassen Sie die Wade ärztlich ansehen, bevor Sie sie wieder belasten.</translation>
    </message>
    <message>
        <source> (%1 of %2)</source>
        <translation> (%1 von %2)</translation>
    </message>
    <message>
        <source>&amp;Next: %1%2 — start</source>
        <translation>&amp;Als Nächstes: %1%2 — beginnen</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 erledigt</translation>
    </message>
    <message>
        <source>%1 after each run</source>
        <translation>%1 nach jedem Lauf</translation>
    </message>
    <message>
        <source>%1 before each run</source>
        <translation>%1 vor jedem Lauf</translation>
    </message>
    <message>
        <source>%1: rest day</source>
        <translation>%1: Ruhetag</translation>
    </message>
    <message>
        <source>%1 to do</source>
        <translation>%1 offen</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %2 von %3</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>ProgrammeReport</name>
    <message>
        <source>accepted</source>
        <extracomment>A note longer than this is cut (with &quot;…&quot;): the report is a summary, the history has all. The three pain lines: told apart by colour and by their marks (circle, square, triangle).</extracomment>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>kept going</source>
        <translation>weitergemacht</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Calf programme: report for the physiotherapist</source>
        <translation>Wadenprogramm: Bericht für die Physiotherapie</translation>
    </message>
    <message>
        <source>%1 to %2 · the runner&apos;s own answers, not a diagnosis</source>
        <translation>%1 bis %2 · die eigenen Angaben des Läufers, keine Diagnose</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>No programme ran in this period.</source>
        <translation>In diesem Zeitraum lief kein Programm.</translation>
    </message>
    <message>
        <source>Adherence: %1 of %2 sessions due were done (%3). Days: %4 done, %5 partly done, %6 missed, %7 rest.</source>
        <translation>Einhaltung: %1 von %2 fälligen Einheiten erledigt (%3). Tage: %4 erledigt, %5 teilweise, %6 verpasst, %7 Ruhetage.</translation>
    </message>
    <message>
        <source>Pain (0–10)</source>
        <translation>Schmerz (0–10)</translation>
    </message>
    <message>
        <source>● first steps in the morning   ■ during the exercises   ▲ after the session   — 5/10: the most the model accepts</source>
        <translation>● erste Schritte am Morgen   ■ während der Übungen   ▲ nach der Einheit   — 5/10: mehr lässt das Modell nicht zu</translation>
    </message>
    <message>
        <source>Running distance per week (km)</source>
        <translation>Laufstrecke pro Woche (km)</translation>
    </message>
    <message>
        <source>Suggestions and what was chosen</source>
        <translation>Vorschläge und was gewählt wurde</translation>
    </message>
    <message>
        <source>No suggestions in this period.</source>
        <translation>Keine Vorschläge in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>No notes in this period.</source>
        <translation>Keine Notizen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>… and %1 more %2 (all of them are in the app&apos;s history).</source>
        <translation>… und %1 weitere %2 (alle stehen im Verlauf der App).</translation>
    </message>
    <message>
        <source>suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Soleus Coach · page %1 of %2</source>
        <translation>Soleus Coach · Seite %1 von %2</translation>
    </message>
    <message>
        <source>Calf programme report</source>
        <translation>Bericht zum Wadenprogramm</translation>
    </message>
</context>
<context>
    <name>ProgrammeUi</name>
    <message>
        <source>&amp;Programme</source>
        <translation>&amp;Programm</translation>
    </message>
    <message>
        <source>&amp;Start a programme…</source>
        <translation>Programm &amp;beginnen…</translation>
    </message>
    <message>
        <source>&amp;Morning check…</source>
        <translation>&amp;Morgenfrage…</translation>
    </message>
    <message>
        <source>&amp;Calendar…</source>
        <translation>&amp;Kalender…</translation>
    </message>
    <message>
        <source>&amp;Report for the physio…</source>
        <translation>Bericht für die &amp;Physiotherapie…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>&amp;End programme…</source>
        <translation>Programm b&amp;eenden…</translation>
    </message>
    <message>
        <source>M&amp;ake a programme…</source>
        <translation>Programm &amp;erstellen…</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Time for %1</source>
        <translation>Zeit für %1</translation>
    </message>
    <message>
        <source>%1 today: %2. Click here to open Soleus Coach.</source>
        <translation>%1 heute: %2. Hier klicken, um Soleus Coach zu öffnen.</translation>
    </message>
    <message>
        <source>No programme is under way: Programme → Start a programme… begins one.</source>
        <translation>Kein Programm läuft: Programm → Programm beginnen… startet eines.</translation>
    </message>
    <message>
        <source>%1 is under way: end it first (Programme → End programme).</source>
        <translation>%1 läuft gerade: Beenden Sie es zuerst (Programm → Programm beenden).</translation>
    </message>
    <message>
        <source>%1 started.</source>
        <translation>%1 begonnen.</translation>
    </message>
    <message>
        <source>Programme resumed.</source>
        <translation>Programm fortgesetzt.</translation>
    </message>
    <message>
        <source>Programme paused: nothing is due and there are no reminders.</source>
        <translation>Programm ruht: Nichts ist fällig, und es gibt keine Erinnerungen.</translation>
    </message>
    <message>
        <source>End programme</source>
        <translation>Programm beenden</translation>
    </message>
    <message>
        <source>End %1? Everything you answered stays in your history and its report.</source>
        <translation>%1 beenden? Alles, was Sie angegeben haben, bleibt in Ihrem Verlauf und im Bericht.</translation>
    </message>
    <message>
        <source>Programme ended.</source>
        <translation>Programm beendet.</translation>
    </message>
    <message>
        <source>That file exists: choose another name (or choose it with Choose… to replace it).</source>
        <translation>Diese Datei gibt es schon: Wählen Sie einen anderen Namen (oder wählen Sie sie mit „Auswählen…“, um sie zu ersetzen).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Report saved: %1 (%n page(s))</source>
        <translation>
            <numerusform>Bericht gespeichert: %1 (%n Seite)</numerusform>
            <numerusform>Bericht gespeichert: %1 (%n Seiten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Programme saved (%1): Programme → Start a programme… starts it.</source>
        <translation>Programm gespeichert (%1): Programm → Programm beginnen… startet es.</translation>
    </message>
</context>
<context>
    <name>ProtocolTableModel</name>
    <message>
        <source>failed to load</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <source>your file</source>
        <translation>Ihre Datei</translation>
    </message>
    <message>
        <source>yours (replaces bundled)</source>
        <translation>Ihre (ersetzt mitgelieferte)</translation>
    </message>
    <message>
        <source>Before a run</source>
        <translation>Vor dem Lauf</translation>
    </message>
    <message>
        <source>After a run</source>
        <translation>Nach dem Lauf</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>Ihre</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>mitgeliefert</translation>
    </message>
</context>
<context>
    <name>RedFlag</name>
    <message>
        <source>Please see a doctor before stretching</source>
        <translation>Bitte gehen Sie vor dem Dehnen zum Arzt</translation>
    </message>
    <message>
        <source>Warning signs in how your calf feels now</source>
        <extracomment>The heading of the same advice on the finish page (its body says &quot;see a doctor&quot; once).</extracomment>
        <translation>Warnzeichen in deiner Antwort, wie es der Wade jetzt geht</translation>
    </message>
    <message>
        <source>These signs can mean a muscle tear or a blood clot. Please see a doctor before stretching. Stretching can make a tear worse.</source>
        <translation>Diese Zeichen können auf einen Muskelfaserriss oder ein Blutgerinnsel hinweisen. Bitte gehen Sie vor dem Dehnen zum Arzt. Dehnen kann einen Riss verschlimmern.</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Warum:</translation>
    </message>
    <message>
        <source>Don&apos;t stretch today</source>
        <extracomment>The default (and safe) choice.</extracomment>
        <translation>Heute nicht dehnen</translation>
    </message>
    <message>
        <source>Continue — I&apos;ve been checked</source>
        <extracomment>The deliberate choice: never the default button.</extracomment>
        <translation>Weiter — ich wurde untersucht</translation>
    </message>
    <message>
        <source>A swollen calf, especially if it is also warm, red or darker than the other one, can be a sign of a blood clot in a deep vein. A doctor needs to rule that out.</source>
        <translation>Eine geschwollene Wade, besonders wenn sie auch warm, gerötet oder dunkler als die andere ist, kann ein Zeichen für ein Blutgerinnsel in einer tiefen Vene sein. Das muss ein Arzt ausschließen.</translation>
    </message>
    <message>
        <source>Bruising, especially after a sudden “pop” in the calf, can mean a torn muscle. Stretching a tear can make it worse.</source>
        <translation>Ein Bluterguss, besonders nach einem plötzlichen „Knallen“ in der Wade, kann einen Muskelfaserriss bedeuten. Dehnen kann einen Riss verschlimmern.</translation>
    </message>
    <message>
        <source>Pain while you are resting, not only when you run, is more than a tight muscle. It can come from a tear or a blood clot.</source>
        <translation>Schmerz in Ruhe, nicht nur beim Laufen, ist mehr als ein verspannter Muskel. Er kann von einem Riss oder einem Blutgerinnsel kommen.</translation>
    </message>
    <message>
        <source>Not being able to put your weight on the leg, or to rise on your toes, can mean a torn muscle.</source>
        <translation>Wenn Sie das Bein nicht belasten oder sich nicht auf die Zehenspitzen stellen können, kann das ein Muskelfaserriss sein.</translation>
    </message>
    <message>
        <source>Pain of 7/10 or more is too much to stretch through. A stretch should feel like a gentle pull, never pain.</source>
        <translation>Bei Schmerzen von 7/10 oder mehr sollten Sie nicht dehnen. Eine Dehnung soll sich wie ein sanfter Zug anfühlen, nie wie Schmerz.</translation>
    </message>
    <message>
        <source>How is your calf today?</source>
        <translation>Wie geht es Ihrer Wade heute?</translation>
    </message>
    <message>
        <source>Your last session noted warning signs. Please check your calf again before you start.</source>
        <translation>Bei Ihrer letzten Einheit wurden Warnzeichen notiert. Bitte prüfen Sie Ihre Wade vor dem Start noch einmal.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report for the physio</source>
        <translation>Bericht für die Physiotherapie</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Speichern unter:</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF speichern</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Bericht drucken</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Preview of the session</source>
        <translation>Vorschau der Einheit</translation>
    </message>
    <message>
        <source>Preview: the session as it will run</source>
        <translation>Vorschau: die Einheit, wie sie ablaufen wird</translation>
    </message>
    <message numerus="yes">
        <source>Problems: %n</source>
        <translation>
            <numerusform>Probleme: %n</numerusform>
            <numerusform>Probleme: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: the routine can be saved.</source>
        <translation>Keine Probleme: Die Routine kann gespeichert werden.</translation>
    </message>
    <message>
        <source>Routine name</source>
        <translation>Name der Routine</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Kurzbeschreibung</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>Verordnet von</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Übersetzungen</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>No preview until the problems are fixed.</source>
        <translation>Keine Vorschau, bis die Probleme behoben sind.</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Gesamt %1</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>round %1 of %2</source>
        <translation>Runde %1 von %2</translation>
    </message>
</context>
<context>
    <name>RoundsBox</name>
    <message>
        <source>Rounds</source>
        <translation>Runden</translation>
    </message>
    <message>
        <source> rounds</source>
        <translation> Runden</translation>
    </message>
    <message>
        <source>Rest between rounds</source>
        <translation>Pause zwischen den Runden</translation>
    </message>
    <message>
        <source>Undo rounds</source>
        <translation>Runden auflösen</translation>
    </message>
    <message>
        <source>Do these steps once again</source>
        <translation>Diese Schritte wieder nur einmal machen</translation>
    </message>
    <message>
        <source>Make rounds…</source>
        <extracomment>&quot;Make rounds…&quot; of the selected steps (the window connects it).</extracomment>
        <translation>Runden bilden…</translation>
    </message>
    <message>
        <source>Do the selected steps several times in a row (Ctrl+G); Shift+arrow keys select more</source>
        <translation>Die ausgewählten Schritte mehrmals hintereinander machen (Strg+G); Umschalt+Pfeiltasten wählen mehr aus</translation>
    </message>
    <message>
        <source>rest between:</source>
        <translation>Pause dazwischen:</translation>
    </message>
    <message>
        <source>Rounds: select steps, then Edit → Make rounds… (Ctrl+G)</source>
        <translation>Runden: Schritte auswählen, dann Bearbeiten → Runden bilden… (Strg+G)</translation>
    </message>
    <message>
        <source>Rounds of steps %1 to %2</source>
        <translation>Runden der Schritte %1 bis %2</translation>
    </message>
    <message>
        <source>Rounds of step %1</source>
        <translation>Runden von Schritt %1</translation>
    </message>
    <message>
        <source>Change the steps…</source>
        <translation>Schritte ändern…</translation>
    </message>
</context>
<context>
    <name>RoutineButton</name>
    <message>
        <source>Enter ↵</source>
        <extracomment>A warm-up this recent means the runner is back from the run it warmed up for.</extracomment>
        <translation>Eingabe ↵</translation>
    </message>
    <message>
        <source>Press Enter to start this one</source>
        <translation>Mit der Eingabetaste starten</translation>
    </message>
</context>
<context>
    <name>RoutineFiles</name>
    <message>
        <source>Cannot create folder</source>
        <translation>Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Import routine</source>
        <translation>Routine importieren</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>%n of its files renamed (another routine has a file of that name)</source>
        <translation>
            <numerusform>%n Datei umbenannt (eine andere Routine hat eine Datei dieses Namens)</numerusform>
            <numerusform>%n Dateien umbenannt (eine andere Routine hat Dateien dieses Namens)</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace your routine?</source>
        <translation>Deine Routine ersetzen?</translation>
    </message>
    <message>
        <source>Your routine “%1” has the same id (%2). Replace it with the one in %3, or keep both?</source>
        <translation>Deine Routine „%1“ hat dieselbe Kennung (%2). Durch die aus %3 ersetzen oder beide behalten?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>&amp;Keep both</source>
        <translation>&amp;Beide behalten</translation>
    </message>
    <message>
        <source>Routines (*.json *.zip)</source>
        <translation>Routinen (*.json *.zip)</translation>
    </message>
    <message>
        <source>Your routine folder could not be created:</source>
        <translation>Ihr Routinenordner konnte nicht angelegt werden:</translation>
    </message>
    <message>
        <source>Your routines are in %1</source>
        <translation>Ihre Routinen liegen in %1</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Nicht importiert</translation>
    </message>
    <message>
        <source>%1 has problems; nothing was copied.</source>
        <translation>%1 hat Fehler; es wurde nichts kopiert.</translation>
    </message>
    <message>
        <source>“%1” is in your routines already: nothing was imported.</source>
        <translation>„%1“ ist schon in deinen Routinen: Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Imported as a copy, “%1”: the routine %2 was kept as it is.</source>
        <translation>Als Kopie importiert, „%1“: Die Routine %2 bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 importiert</translation>
    </message>
</context>
<context>
    <name>RoutinePane</name>
    <message>
        <source>After a run</source>
        <extracomment>The languages the language field offers first (a routine in another is kept as it is).</extracomment>
        <translation>Nach dem Laufen</translation>
    </message>
    <message>
        <source>Before a run</source>
        <translation>Vor dem Laufen</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>e.g. Prescribed by my physiotherapist</source>
        <translation>z. B. Verordnet von meiner Physiotherapeutin</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <source>The routine&apos;s file is called this; the command line knows it by it (soleus-coach --start ID)</source>
        <translation>So heißt die Datei der Routine; die Befehlszeile kennt sie unter diesem Namen (soleus-coach --start ID)</translation>
    </message>
    <message>
        <source>The language the routine&apos;s texts are written in (Routine → Translations… adds another)</source>
        <translation>Die Sprache, in der die Texte der Routine geschrieben sind (Routine → Übersetzungen… fügt eine weitere hinzu)</translation>
    </message>
    <message>
        <source>Routine na&amp;me</source>
        <translation>Na&amp;me der Routine</translation>
    </message>
    <message>
        <source>&amp;File name</source>
        <translation>&amp;Dateiname</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Spra&amp;che</translation>
    </message>
    <message>
        <source>Summar&amp;y</source>
        <translation>Zusammen&amp;fassung</translation>
    </message>
    <message>
        <source>Prescribed &amp;by</source>
        <translation>&amp;Verordnet von</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Kind of step to add</source>
        <translation>Art des neuen Schritts</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>Schritt hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move step up</source>
        <translation>Schritt nach oben</translation>
    </message>
    <message>
        <source>Move the step up (Alt+Up arrow)</source>
        <translation>Schritt nach oben verschieben (Alt+Pfeil hoch)</translation>
    </message>
    <message>
        <source>Move step down</source>
        <translation>Schritt nach unten</translation>
    </message>
    <message>
        <source>Move the step down (Alt+Down arrow)</source>
        <translation>Schritt nach unten verschieben (Alt+Pfeil runter)</translation>
    </message>
    <message>
        <source>S&amp;teps (drag, or Alt+Up/Alt+Down, to reorder)</source>
        <translation>Schri&amp;tte (ziehen, oder Alt+↑/Alt+↓, zum Umordnen)</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>Dehnung</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Kraft</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Heat</source>
        <translation>Wärme</translation>
    </message>
    <message>
        <source>Ice</source>
        <translation>Eis</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source> each leg</source>
        <translation> je Bein</translation>
    </message>
    <message>
        <source>%1 rounds:</source>
        <translation>%1 Runden:</translation>
    </message>
    <message>
        <source>This step has problems</source>
        <translation>Dieser Schritt hat Probleme</translation>
    </message>
    <message>
        <source>Customize “%1” instead…</source>
        <translation>Stattdessen „%1“ anpassen…</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>not a regular file</source>
        <translation>keine normale Datei</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>file is %1 MiB; at most %2 MiB is read</source>
        <translation>Datei hat %1 MiB; höchstens %2 MiB werden gelesen</translation>
    </message>
    <message>
        <source>not a GPX, TCX or FIT file</source>
        <translation>keine GPX-, TCX- oder FIT-Datei</translation>
    </message>
    <message>
        <source>not readable as %1 text</source>
        <translation>nicht als %1-Text lesbar</translation>
    </message>
    <message>
        <source>refused: the XML declares a DOCTYPE (entities are not allowed in GPX or TCX)</source>
        <translation>abgelehnt: Das XML deklariert einen DOCTYPE (Entitäten sind in GPX und TCX nicht erlaubt)</translation>
    </message>
    <message>
        <source>not valid %1: %2</source>
        <translation>kein gültiges %1: %2</translation>
    </message>
    <message>
        <source>damaged FIT file: %1</source>
        <translation>beschädigte FIT-Datei: %1</translation>
    </message>
    <message>
        <source>damaged FIT file: broken at byte %1 of %2, and no summary of the activity after it</source>
        <translation>beschädigte FIT-Datei: bei Byte %1 von %2 unterbrochen, und danach keine Zusammenfassung der Aktivität</translation>
    </message>
    <message>
        <source>damaged FIT file: it ends early, before the summary of the activity</source>
        <translation>beschädigte FIT-Datei: Sie endet zu früh, vor der Zusammenfassung der Aktivität</translation>
    </message>
    <message>
        <source>a FIT file of another kind (%1), not a recorded activity</source>
        <translation>eine FIT-Datei anderer Art (%1), keine aufgezeichnete Aktivität</translation>
    </message>
    <message>
        <source>no activity with a time and a distance in it</source>
        <translation>keine Aktivität mit Zeit und Strecke darin</translation>
    </message>
    <message>
        <source>no times in the file: a planned route, not a recorded activity</source>
        <translation>keine Zeiten in der Datei: eine geplante Route, keine aufgezeichnete Aktivität</translation>
    </message>
    <message>
        <source>no real date in the file: the device&apos;s clock was not set</source>
        <translation>kein echtes Datum in der Datei: Die Uhr des Geräts war nicht gestellt</translation>
    </message>
    <message>
        <source>no distance recorded</source>
        <translation>keine Strecke aufgezeichnet</translation>
    </message>
    <message>
        <source>%1 m is too short for a run (at least %2 m)</source>
        <translation>%1 m sind zu kurz für einen Lauf (mindestens %2 m)</translation>
    </message>
    <message>
        <source>%1 km is more than %2 km: not one run</source>
        <translation>%1 km sind mehr als %2 km: kein einzelner Lauf</translation>
    </message>
    <message>
        <source>lasts %1 s; a run lasts at least %2 s</source>
        <translation>dauert %1 s; ein Lauf dauert mindestens %2 s</translation>
    </message>
    <message>
        <source>lasts %1 h; more than %2 h is not one run</source>
        <translation>dauert %1 h; mehr als %2 h sind kein einzelner Lauf</translation>
    </message>
    <message>
        <source>an average of %1 km/h is faster than %2 km/h: not a run on foot</source>
        <translation>im Schnitt %1 km/h ist schneller als %2 km/h: kein Lauf zu Fuß</translation>
    </message>
    <message>
        <source>dated %1, before 1980: the device&apos;s clock was wrong</source>
        <translation>datiert auf %1, vor 1980: Die Uhr des Geräts ging falsch</translation>
    </message>
    <message>
        <source>dated %1, in the future: the device&apos;s clock was wrong</source>
        <translation>datiert auf %1, in der Zukunft: Die Uhr des Geräts ging falsch</translation>
    </message>
    <message>
        <source>%1 of %2 track points stepped back in time and were left out</source>
        <translation>%1 von %2 Trackpunkten gingen in der Zeit zurück und wurden ausgelassen</translation>
    </message>
    <message>
        <source>read from the watch&apos;s summary; the track was damaged</source>
        <translation>aus der Zusammenfassung der Uhr gelesen; der Track war beschädigt</translation>
    </message>
    <message>
        <source>the file&apos;s checksum does not match; its figures were read all the same</source>
        <translation>die Prüfsumme der Datei stimmt nicht; ihre Werte wurden trotzdem gelesen</translation>
    </message>
    <message>
        <source>a pace of %1/km is slower than running: a walk or a swim</source>
        <translation>ein Tempo von %1/km ist langsamer als Laufen: Gehen oder Schwimmen</translation>
    </message>
    <message>
        <source>%1 km/h is faster than running: a ride or a drive</source>
        <translation>%1 km/h ist schneller als Laufen: Rad- oder Autofahrt</translation>
    </message>
    <message>
        <source>a pace of %1/km at %2 steps a minute: a walk</source>
        <translation>ein Tempo von %1/km bei %2 Schritten pro Minute: Gehen</translation>
    </message>
    <message>
        <source>the file names no sport, and a pace of %1/km could be a walk</source>
        <translation>die Datei nennt keine Sportart, und ein Tempo von %1/km könnte Gehen sein</translation>
    </message>
    <message>
        <source>the file names no sport, and %1 km/h could be a ride</source>
        <translation>die Datei nennt keine Sportart, und %1 km/h könnten eine Radfahrt sein</translation>
    </message>
    <message>
        <source>the file names no sport, and %1 steps a minute is a walker&apos;s cadence</source>
        <translation>die Datei nennt keine Sportart, und %1 Schritte pro Minute sind die Schrittfrequenz beim Gehen</translation>
    </message>
    <message>
        <source>the file names no sport, and stretches at %1 km/h could be a ride</source>
        <translation>die Datei nennt keine Sportart, und Abschnitte mit %1 km/h könnten eine Radfahrt sein</translation>
    </message>
    <message>
        <source>cycling</source>
        <translation>Radfahren</translation>
    </message>
    <message>
        <source>swimming</source>
        <translation>Schwimmen</translation>
    </message>
    <message>
        <source>walking</source>
        <translation>Gehen</translation>
    </message>
    <message>
        <source>hiking</source>
        <translation>Wandern</translation>
    </message>
    <message>
        <source>rowing</source>
        <translation>Rudern</translation>
    </message>
    <message>
        <source>paddling</source>
        <translation>Paddeln</translation>
    </message>
    <message>
        <source>skiing</source>
        <translation>Skifahren</translation>
    </message>
    <message>
        <source>skating</source>
        <translation>Skaten oder Eislaufen</translation>
    </message>
    <message>
        <source>climbing</source>
        <translation>Klettern</translation>
    </message>
    <message>
        <source>fitness training</source>
        <translation>Fitnesstraining</translation>
    </message>
    <message>
        <source>a team or racket sport</source>
        <translation>ein Mannschafts- oder Schlägersport</translation>
    </message>
    <message>
        <source>a water sport</source>
        <translation>ein Wassersport</translation>
    </message>
    <message>
        <source>driving or flying</source>
        <translation>Auto- oder Motorradfahrt, Flug</translation>
    </message>
    <message>
        <source>a triathlon transition</source>
        <translation>ein Triathlon-Wechsel</translation>
    </message>
    <message>
        <source>another sport</source>
        <translation>eine andere Sportart</translation>
    </message>
    <message>
        <source>%1 (named “%2” in the export)</source>
        <translation>%1 (im Export „%2“ genannt)</translation>
    </message>
    <message>
        <source>not a readable zip archive: %1</source>
        <translation>kein lesbares ZIP-Archiv: %1</translation>
    </message>
    <message>
        <source>the archive lists %1 entries; at most %2 are read</source>
        <translation>das Archiv verzeichnet %1 Einträge; höchstens %2 werden gelesen</translation>
    </message>
    <message>
        <source>compressed more than %1 to 1: refused as a zip bomb</source>
        <translation>stärker als %1 zu 1 komprimiert: als ZIP-Bombe abgelehnt</translation>
    </message>
    <message>
        <source>an archive inside an archive more than %1 levels deep: not read</source>
        <translation>ein Archiv in einem Archiv, mehr als %1 Ebenen tief: nicht gelesen</translation>
    </message>
    <message>
        <source>encrypted: it cannot be read without a password</source>
        <translation>verschlüsselt: ohne Passwort nicht lesbar</translation>
    </message>
    <message>
        <source>the archive unpacks to more than %1 GiB: the rest was not read</source>
        <translation>das Archiv entpackt sich auf mehr als %1 GiB: der Rest wurde nicht gelesen</translation>
    </message>
    <message>
        <source>entered by hand on Strava: the export holds no file for it</source>
        <translation>auf Strava von Hand eingetragen: Der Export enthält keine Datei dafür</translation>
    </message>
    <message>
        <source>listed in activities.csv but not in the export</source>
        <translation>in activities.csv verzeichnet, aber nicht im Export</translation>
    </message>
    <message>
        <source>activities.csv cannot be read: %1</source>
        <translation>activities.csv ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>the %1 file&apos;s figures and time zone replace those of the %2 file</source>
        <translation>die Werte und die Zeitzone der %1-Datei ersetzen die der %2-Datei</translation>
    </message>
    <message>
        <source>this file says it was a run: no longer marked “not sure”</source>
        <translation>diese Datei sagt, dass es ein Lauf war: nicht mehr als „unsicher“ markiert</translation>
    </message>
    <message>
        <source>more than %1 files under %2: the rest were not read</source>
        <translation>mehr als %1 Dateien unter %2: der Rest wurde nicht gelesen</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Climb</source>
        <translation>Anstieg</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>%1 · not sure</source>
        <translation>%1 · unsicher</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>&amp;Confirm as a run</source>
        <translation>Als Lauf &amp;bestätigen</translation>
    </message>
    <message>
        <source>Delete r&amp;un</source>
        <translation>Lauf l&amp;öschen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message numerus="yes">
        <source>Runs (%n)</source>
        <translation>
            <numerusform>Läufe (%n)</numerusform>
            <numerusform>Läufe (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the %n not sure</source>
        <translation>
            <numerusform>Nur den %n unsicheren</numerusform>
            <numerusform>Nur die %n unsicheren</numerusform>
        </translation>
    </message>
    <message>
        <source>Runs that day: %1</source>
        <translation>Läufe an diesem Tag: %1</translation>
    </message>
    <message>
        <source>%1 km at %2</source>
        <translation>%1 km um %2</translation>
    </message>
    <message>
        <source>No runs in this period. Import them with File → Import runs…, or drop the files on the main window.</source>
        <translation>Keine Läufe in diesem Zeitraum. Importieren Sie sie mit Datei → Läufe importieren … oder ziehen Sie die Dateien auf das Hauptfenster.</translation>
    </message>
    <message>
        <source>Time %1 (moving), elapsed %2, pace %3</source>
        <translation>Zeit %1 (in Bewegung), gesamt %2, Tempo %3</translation>
    </message>
    <message>
        <source>Not sure this was a run: the file names no sport, and its pace or cadence could be another one. Confirm it, or delete it if it was not a run. Until then it is counted nowhere.</source>
        <translation>Unsicher, ob das ein Lauf war: Die Datei nennt keine Sportart, und Tempo oder Schrittfrequenz könnten zu einer anderen passen. Bestätigen Sie ihn, oder löschen Sie ihn, wenn es kein Lauf war. Bis dahin zählt er nirgends.</translation>
    </message>
    <message>
        <source>Climb: %1 m (%2 m per km)</source>
        <translation>Anstieg: %1 m (%2 m pro km)</translation>
    </message>
    <message>
        <source>Shoes: %1</source>
        <translation>Schuhe: %1</translation>
    </message>
    <message>
        <source>Surface: %1</source>
        <translation>Untergrund: %1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Aus: %1</translation>
    </message>
</context>
<context>
    <name>RunsUi</name>
    <message>
        <source>&amp;Runs</source>
        <extracomment>A run imported that started this recently gets the after-a-run offer. The routine offered after a run. A watched folder is scanned this long after its last change (a sync tool writes in bursts). The progress dialog shows once an import has taken this long. An import finished: every result of it (list[FileResult]). The after-a-run offer was made for this run. An import&apos;s progress: entries read, entries in all (0 while they are being found). A watched folder was scanned: how many new files or exports it found. The routine the offer starts: the runner&apos;s choice for &quot;After a run&quot;.</extracomment>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <source>Import runs</source>
        <translation>Läufe importieren</translation>
    </message>
    <message>
        <source>Reading runs…</source>
        <translation>Läufe werden gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) imported</source>
        <translation>
            <numerusform>%n Lauf importiert</numerusform>
            <numerusform>%n Läufe importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>%n schon vorhanden</numerusform>
            <numerusform>%n schon vorhanden</numerusform>
        </translation>
    </message>
    <message>
        <source>Activity files and exports (*.gpx *.tcx *.fit *.gpx.gz *.tcx.gz *.fit.gz *.zip);;All files (*)</source>
        <translation>Aktivitätsdateien und Exporte (*.gpx *.tcx *.fit *.gpx.gz *.tcx.gz *.fit.gz *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a folder of runs</source>
        <translation>Läufe aus einem Ordner importieren</translation>
    </message>
    <message>
        <source>Looking for runs…</source>
        <translation>Läufe werden gesucht …</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n files and folders…</source>
        <translation>
            <numerusform>%n Datei oder Ordner wird gelesen …</numerusform>
            <numerusform>%n Dateien und Ordner werden gelesen …</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing runs</source>
        <translation>Läufe werden importiert</translation>
    </message>
    <message>
        <source>Looking for activity files…</source>
        <translation>Aktivitätsdateien werden gesucht …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten …</translation>
    </message>
    <message>
        <source>%1 of %2 read</source>
        <translation>%1 von %2 gelesen</translation>
    </message>
    <message numerus="yes">
        <source>%n not sure</source>
        <translation>
            <numerusform>%n unsicher</numerusform>
            <numerusform>%n unsicher</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run(s)</source>
        <translation>
            <numerusform>%n kein Lauf</numerusform>
            <numerusform>%n keine Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>You ran %1 km at %2 — start your post-run routine?</source>
        <translation>Sie sind um %2 %1 km gelaufen – jetzt Ihre Routine nach dem Lauf starten?</translation>
    </message>
    <message>
        <source>After your run</source>
        <translation>Nach Ihrem Lauf</translation>
    </message>
    <message>
        <source>&amp;Start the routine</source>
        <translation>Routine &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
    <message>
        <source>No folder is watched for runs.</source>
        <translation>Kein Ordner wird auf Läufe überwacht.</translation>
    </message>
    <message>
        <source>The watched folder %1 is not there.</source>
        <translation>Der überwachte Ordner %1 ist nicht da.</translation>
    </message>
</context>
<context>
    <name>SaveBar</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Run the routine from the selected step, then come back here (Ctrl+T)</source>
        <translation>Die Routine ab dem gewählten Schritt laufen lassen, danach hierher zurückkehren (Strg+T)</translation>
    </message>
    <message numerus="yes">
        <source>Cannot save yet: %n problem(s), listed on the right.</source>
        <translation>
            <numerusform>Noch nicht speicherbar: %n Problem, rechts aufgelistet.</numerusform>
            <numerusform>Noch nicht speicherbar: %n Probleme, rechts aufgelistet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the routine (Ctrl+S)</source>
        <translation>Routine speichern (Strg+S)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Get ready</source>
        <translation>Bereit machen</translation>
    </message>
    <message>
        <source>Get into position</source>
        <translation>In Position gehen</translation>
    </message>
    <message>
        <source>Switch legs</source>
        <translation>Bein wechseln</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Starting: %1</source>
        <translation>Es beginnt: %1</translation>
    </message>
    <message>
        <source>Relax the calf; stay near the wall.</source>
        <translation>Wade entspannen; bleiben Sie nah an der Wand.</translation>
    </message>
    <message>
        <source>LEFT leg back</source>
        <translation>LINKES Bein hinten</translation>
    </message>
    <message>
        <source>RIGHT leg back</source>
        <translation>RECHTES Bein hinten</translation>
    </message>
    <message>
        <source>LEFT leg</source>
        <translation>LINKES Bein</translation>
    </message>
    <message>
        <source>RIGHT leg</source>
        <translation>RECHTES Bein</translation>
    </message>
    <message>
        <source>Hold %1 of %2</source>
        <translation>Dehnung %1 von %2</translation>
    </message>
    <message>
        <source>After hold %1 of %2</source>
        <translation>Nach Dehnung %1 von %2</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Als Nächstes: %1</translation>
    </message>
    <message>
        <source>%1, left leg, hold %2 of %3</source>
        <translation>%1, linkes Bein, Dehnung %2 von %3</translation>
    </message>
    <message>
        <source>%1, right leg, hold %2 of %3</source>
        <translation>%1, rechtes Bein, Dehnung %2 von %3</translation>
    </message>
    <message>
        <source>%1, left leg</source>
        <translation>%1, linkes Bein</translation>
    </message>
    <message>
        <source>%1, right leg</source>
        <translation>%1, rechtes Bein</translation>
    </message>
    <message>
        <source>%1, left leg, set %2 of %3</source>
        <translation>%1, linkes Bein, Satz %2 von %3</translation>
    </message>
    <message>
        <source>%1, right leg, set %2 of %3</source>
        <translation>%1, rechtes Bein, Satz %2 von %3</translation>
    </message>
    <message>
        <source>%1, set %2 of %3</source>
        <translation>%1, Satz %2 von %3</translation>
    </message>
    <message>
        <source>%1 (%2 reps)</source>
        <translation>%1 (%2 Wiederholungen)</translation>
    </message>
    <message>
        <source>Relax the calf.</source>
        <translation>Wade entspannen.</translation>
    </message>
    <message>
        <source>Rest. Shake the leg out gently.</source>
        <translation>Pause. Das Bein locker ausschütteln.</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>Satz %1 von %2</translation>
    </message>
    <message>
        <source>After set %1 of %2</source>
        <translation>Nach Satz %1 von %2</translation>
    </message>
    <message>
        <source>Rep %1 of %2</source>
        <translation>Wiederholung %1 von %2</translation>
    </message>
    <message>
        <source>Round %1 of %2</source>
        <translation>Runde %1 von %2</translation>
    </message>
    <message>
        <source>Rest before round %1 of %2</source>
        <translation>Pause vor Runde %1 von %2</translation>
    </message>
    <message>
        <source>%1, round %2 of %3</source>
        <translation>%1, Runde %2 von %3</translation>
    </message>
    <message>
        <source>%1 reps</source>
        <translation>%1 Wiederholungen</translation>
    </message>
    <message>
        <source>UP</source>
        <translation>HOCH</translation>
    </message>
    <message>
        <source>DOWN</source>
        <translation>RUNTER</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>HALTEN</translation>
    </message>
    <message>
        <source>PAUSE</source>
        <translation>PAUSE</translation>
    </message>
    <message>
        <source>Press Enter after each rep</source>
        <translation>Nach jeder Wiederholung Enter drücken</translation>
    </message>
    <message>
        <source>Press Enter when the set is done</source>
        <translation>Enter drücken, wenn der Satz fertig ist</translation>
    </message>
    <message>
        <source>%1 (%2 min)</source>
        <translation>%1 (%2 min)</translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation>%1 (%2 s)</translation>
    </message>
</context>
<context>
    <name>SessionFlow</name>
    <message>
        <source>%1 was not started: read the safety notice first.</source>
        <extracomment>How long a routine waits for the sound back-end before its clock starts without it. The probe takes 0.1–0.4 s (docs/benchmarks/audio.md); a broken back-end must not hold the routine up for longer than a moment. A step long enough to offer the compact timer (ice or heat over 5 minutes). Ice or heat steps longer than this offer the compact timer. The dialog the flow waits for, if any (check-in, red-flag advice, leg question). What a programme changes in a routine today (easing off: fewer sets, and a line to read), given by the window; None: nothing. A routine asked for while the first-run questions were open: it starts after them.</extracomment>
        <translation>%1 wurde nicht gestartet: Lies zuerst den Sicherheitshinweis.</translation>
    </message>
    <message>
        <source>%1 was not started: your last check-in had warning signs, so it asks first.</source>
        <translation>%1 wurde nicht gestartet: Deine letzte Abfrage zeigte Warnzeichen, deshalb wird zuerst gefragt.</translation>
    </message>
    <message>
        <source>Not stretching today: your check-in is saved in your history.</source>
        <translation>Heute kein Dehnen: Ihre Angaben sind im Verlauf gespeichert.</translation>
    </message>
    <message>
        <source>%1 was not started.</source>
        <translation>%1 wurde nicht gestartet.</translation>
    </message>
    <message>
        <source>Ice off</source>
        <translation>Eis ab</translation>
    </message>
    <message>
        <source>Time to take the ice off your calf.</source>
        <translation>Zeit, das Eis von der Wade zu nehmen.</translation>
    </message>
    <message>
        <source>This session could not be written to your history (%1). It is kept and saving is tried again at every step.</source>
        <translation>Diese Einheit konnte nicht im Verlauf gespeichert werden (%1). Sie bleibt erhalten, und das Speichern wird bei jedem Schritt erneut versucht.</translation>
    </message>
    <message>
        <source>Session not saved</source>
        <translation>Einheit nicht gespeichert</translation>
    </message>
    <message>
        <source>This session could not be written to your history:</source>
        <translation>Diese Einheit konnte nicht im Verlauf gespeichert werden:</translation>
    </message>
    <message>
        <source>Save a copy as a file so that it is not lost?</source>
        <translation>Eine Kopie als Datei speichern, damit sie nicht verloren geht?</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Einheit speichern</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Progress through the routine</source>
        <translation>Fortschritt der Routine</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>− 5 s</source>
        <translation>− 5 s</translation>
    </message>
    <message>
        <source>+ 5 s</source>
        <translation>+ 5 s</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>%1–%2 s</source>
        <translation>%1–%2 s</translation>
    </message>
    <message>
        <source>This hold may be %1 to %2 seconds; it is %3 now</source>
        <translation>Diese Dehnung darf %1 bis %2 Sekunden dauern; jetzt sind es %3</translation>
    </message>
    <message>
        <source>Paused — press Space to resume</source>
        <translation>Angehalten — Leertaste drücken zum Fortsetzen</translation>
    </message>
</context>
<context>
    <name>SessionScreen</name>
    <message numerus="yes">
        <source>Welcome back: the computer slept for about %n minute(s); the timer kept counting.</source>
        <translation>
            <numerusform>Willkommen zurück: Der Computer hat etwa %n Minute geschlafen; die Zeit lief weiter.</numerusform>
            <numerusform>Willkommen zurück: Der Computer hat etwa %n Minuten geschlafen; die Zeit lief weiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>A long step: keep a small timer on top of your other windows meanwhile?</source>
        <extracomment>The session&apos;s actions (keys, the Session menu, the buttons): one handler each.</extracomment>
        <translation>Ein langer Schritt: solange einen kleinen Timer über Ihren anderen Fenstern behalten?</translation>
    </message>
    <message>
        <source>Compact timer (C)</source>
        <translation>Kleiner Timer (C)</translation>
    </message>
    <message>
        <source>Stop the routine?</source>
        <translation>Routine beenden?</translation>
    </message>
    <message>
        <source>Stop this routine now? What you have done so far is kept.</source>
        <translation>Diese Routine jetzt beenden? Was Sie bisher gemacht haben, bleibt gespeichert.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Injured leg</source>
        <translation>Verletztes Bein</translation>
    </message>
    <message>
        <source>Not set: asked at the start</source>
        <translation>Nicht festgelegt: wird beim Start gefragt</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Stretches marked &apos;injured leg first&apos; start with this leg</source>
        <translation>Dehnungen mit „verletztes Bein zuerst“ beginnen mit diesem Bein</translation>
    </message>
    <message>
        <source>Preferred hold</source>
        <translation>Bevorzugte Dehndauer</translation>
    </message>
    <message>
        <source>Routine&apos;s default</source>
        <translation>Vorgabe der Routine</translation>
    </message>
    <message>
        <source>Kept within each stretch&apos;s allowed range</source>
        <translation>Bleibt im erlaubten Bereich jeder Dehnung</translation>
    </message>
    <message>
        <source>Repetitions per side</source>
        <translation>Wiederholungen pro Seite</translation>
    </message>
    <message>
        <source>Get-ready time</source>
        <translation>Vorbereitungszeit</translation>
    </message>
    <message>
        <source>Ice time</source>
        <translation>Kühldauer</translation>
    </message>
    <message>
        <source>Never more than 20 minutes</source>
        <translation>Nie mehr als 20 Minuten</translation>
    </message>
    <message>
        <source>Ask about pain before each routine</source>
        <translation>Vor jeder Routine nach Schmerzen fragen</translation>
    </message>
    <message>
        <source>Play sound cues</source>
        <translation>Tonsignale abspielen</translation>
    </message>
    <message>
        <source>Cue style</source>
        <translation>Art der Signale</translation>
    </message>
    <message>
        <source>Tones</source>
        <translation>Töne</translation>
    </message>
    <message>
        <source>Recorded words</source>
        <translation>Aufgenommene Wörter</translation>
    </message>
    <message>
        <source>The system voice</source>
        <translation>Die Systemstimme</translation>
    </message>
    <message>
        <source>The system voice says each step&apos;s name, the leg, the numbers and what comes next, in the language of Soleus Coach</source>
        <translation>Die Systemstimme sagt den Namen jedes Schritts, das Bein, die Zahlen und was als Nächstes kommt, in der Sprache von Soleus Coach</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>T&amp;on</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Takes effect the next time Soleus Coach starts</source>
        <translation>Gilt ab dem nächsten Start von Soleus Coach</translation>
    </message>
    <message>
        <source>Play a cue with the style and volume above; the system voice says a sample</source>
        <translation>Einen Hinweis mit dem Stil und der Lautstärke von oben abspielen; die Systemstimme spricht ein Beispiel</translation>
    </message>
    <message>
        <source>&amp;Routines</source>
        <translation>&amp;Routinen</translation>
    </message>
    <message>
        <source>Injured leg:</source>
        <translation>Verletztes Bein:</translation>
    </message>
    <message>
        <source>Preferred hold:</source>
        <translation>Bevorzugte Dehndauer:</translation>
    </message>
    <message>
        <source>Repetitions per side:</source>
        <translation>Wiederholungen pro Seite:</translation>
    </message>
    <message>
        <source>Get-ready time:</source>
        <translation>Vorbereitungszeit:</translation>
    </message>
    <message>
        <source>Ice time:</source>
        <translation>Kühldauer:</translation>
    </message>
    <message>
        <source>Cue style:</source>
        <translation>Art der Signale:</translation>
    </message>
    <message>
        <source>Volume:</source>
        <translation>Lautstärke:</translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation>Stimme:</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>Say:</source>
        <translation>Ansagen:</translation>
    </message>
    <message>
        <source>&amp;Look</source>
        <translation>&amp;Aussehen</translation>
    </message>
    <message>
        <source>Re&amp;minders</source>
        <translation>&amp;Erinnerung</translation>
    </message>
    <message>
        <source>At:</source>
        <translation>Um:</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>The voices installed for the language of Soleus Coach. More come with your system&apos;s speech packages (on Linux: espeak-ng and its voices).</source>
        <translation>Die Stimmen, die für die Sprache von Soleus Coach installiert sind. Weitere kommen mit den Sprachpaketen Ihres Systems (unter Linux: espeak-ng und seine Stimmen).</translation>
    </message>
    <message>
        <source>Linux: Soleus Coach writes a file in ~/.config/autostart. macOS: add it under System Settings → General → Login Items. Windows: put a shortcut to it in the Startup folder (Win+R, shell:startup).</source>
        <translation>Linux: Soleus Coach legt eine Datei in ~/.config/autostart an. macOS: unter Systemeinstellungen → Allgemein → Anmeldeobjekte hinzufügen. Windows: eine Verknüpfung im Autostart-Ordner ablegen (Win+R, shell:startup).</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source> words a minute</source>
        <translation> Wörter pro Minute</translation>
    </message>
    <message>
        <source>Step names, the leg, and what comes next</source>
        <translation>Namen der Schritte, das Bein und was als Nächstes kommt</translation>
    </message>
    <message>
        <source>Numbers: holds, sets, reps, rounds, “ten seconds”</source>
        <translation>Zahlen: Dehnungen, Sätze, Wiederholungen, Runden, „noch zehn Sekunden“</translation>
    </message>
    <message>
        <source>Instructions while getting into position</source>
        <translation>Anleitung, während Sie in Position gehen</translation>
    </message>
    <message>
        <source>The language&apos;s default voice</source>
        <translation>Standardstimme der Sprache</translation>
    </message>
    <message>
        <source>Looking for voices…</source>
        <translation>Stimmen werden gesucht …</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (nicht installiert)</translation>
    </message>
    <message>
        <source>Offer the small always-on-top timer on ice and heat steps over 5 minutes</source>
        <translation>Bei Kühl- und Wärmeschritten über 5 Minuten den kleinen Timer im Vordergrund anbieten</translation>
    </message>
    <message>
        <source>Remind me of my routine every day</source>
        <translation>Mich täglich an meine Routine erinnern</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Uhrzeit der Erinnerung</translation>
    </message>
    <message>
        <source>A desktop notification, while Soleus Coach runs; click it to start the routine of the moment. Never during a routine, never twice a day, and not after you have done one that day.</source>
        <translation>Eine Desktop-Benachrichtigung, solange Soleus Coach läuft; ein Klick darauf startet die passende Routine. Nie während einer Routine, nie zweimal am Tag und nicht, wenn Sie an dem Tag schon eine gemacht haben.</translation>
    </message>
    <message>
        <source>Start with my desktop session, minimised to the tray</source>
        <translation>Mit meiner Desktop-Sitzung starten, minimiert im Infobereich</translation>
    </message>
    <message>
        <source>&amp;Test sound</source>
        <translation>Ton &amp;testen</translation>
    </message>
    <message>
        <source>Not sure: asked each time</source>
        <translation>Unsicher: wird jedes Mal gefragt</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>Darstellung:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set-up</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Which calf hurts?</source>
        <translation>Welche Wade schmerzt?</translation>
    </message>
    <message>
        <source>Stretches marked “injured leg first” start with it. You can change this on the home screen at any time.</source>
        <translation>Dehnungen mit „verletztes Bein zuerst“ beginnen mit ihr. Sie können das jederzeit auf der Startseite ändern.</translation>
    </message>
    <message>
        <source>&amp;Left</source>
        <translation>&amp;Links</translation>
    </message>
    <message>
        <source>&amp;Right</source>
        <translation>&amp;Rechts</translation>
    </message>
    <message>
        <source>&amp;Both</source>
        <translation>&amp;Beide</translation>
    </message>
    <message>
        <source>&amp;Not sure: ask me at each routine</source>
        <translation>&amp;Unsicher: bei jeder Routine fragen</translation>
    </message>
    <message>
        <source>&amp;Ask how my calf feels before each routine</source>
        <translation>Vor jeder Routine nach meiner Wade &amp;fragen</translation>
    </message>
    <message>
        <source>After each routine you are always asked; both can be skipped with Esc.</source>
        <translation>Nach jeder Routine wird immer gefragt; beides lässt sich mit Esc überspringen.</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Was sie tun</translation>
    </message>
</context>
<context>
    <name>SoundsEdit</name>
    <message>
        <source>Sound file…</source>
        <translation>Tondatei …</translation>
    </message>
    <message>
        <source>Remove sound</source>
        <translation>Ton entfernen</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Bereit machen</translation>
    </message>
    <message>
        <source>Hold starts</source>
        <translation>Halten beginnt</translation>
    </message>
    <message>
        <source>Countdown 3-2-1</source>
        <translation>Countdown 3-2-1</translation>
    </message>
    <message>
        <source>Relax</source>
        <translation>Entspannen</translation>
    </message>
    <message>
        <source>Switch legs</source>
        <translation>Bein wechseln</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Vorsicht</translation>
    </message>
    <message>
        <source>Exercise starts</source>
        <translation>Übung beginnt</translation>
    </message>
    <message>
        <source>Ice on</source>
        <translation>Eis drauf</translation>
    </message>
    <message>
        <source>Skin check</source>
        <translation>Hautkontrolle</translation>
    </message>
    <message>
        <source>Halfway</source>
        <translation>Halbzeit</translation>
    </message>
    <message>
        <source>Ice off</source>
        <translation>Eis ab</translation>
    </message>
    <message>
        <source>Routine complete</source>
        <translation>Routine fertig</translation>
    </message>
    <message>
        <source>Each rep</source>
        <translation>Jede Wiederholung</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>Zählen</translation>
    </message>
    <message>
        <source>Tempo: down</source>
        <translation>Tempo: runter</translation>
    </message>
    <message>
        <source>Tempo: up</source>
        <translation>Tempo: hoch</translation>
    </message>
    <message>
        <source>Tempo: hold</source>
        <translation>Tempo: halten</translation>
    </message>
    <message>
        <source>Last rep</source>
        <translation>Letzte Wiederholung</translation>
    </message>
    <message>
        <source>Next set</source>
        <translation>Nächster Satz</translation>
    </message>
    <message>
        <source>Rest starts</source>
        <translation>Pause beginnt</translation>
    </message>
    <message>
        <source>Heat on</source>
        <translation>Wärme drauf</translation>
    </message>
    <message>
        <source>Heat off</source>
        <translation>Wärme ab</translation>
    </message>
    <message>
        <source>Next round</source>
        <translation>Nächste Runde</translation>
    </message>
</context>
<context>
    <name>Speech</name>
    <message>
        <source>Get ready</source>
        <translation>Bereit machen</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Hold %1 of %2</source>
        <translation>Dehnung %1 von %2</translation>
    </message>
    <message>
        <source>And relax</source>
        <translation>Und entspannen</translation>
    </message>
    <message>
        <source>Switch legs</source>
        <translation>Bein wechseln</translation>
    </message>
    <message>
        <source>Do not stretch to the point of pain</source>
        <translation>Nicht bis zum Schmerz dehnen</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Los</translation>
    </message>
    <message>
        <source>Ice on. Keep a cloth between the ice and your skin</source>
        <translation>Eis auflegen. Immer ein Tuch zwischen Eis und Haut</translation>
    </message>
    <message>
        <source>Check your skin</source>
        <translation>Haut prüfen</translation>
    </message>
    <message>
        <source>Halfway</source>
        <translation>Halbzeit</translation>
    </message>
    <message>
        <source>Ice off</source>
        <translation>Eis ab</translation>
    </message>
    <message>
        <source>Routine complete. Well done</source>
        <translation>Routine geschafft. Gut gemacht</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Last rep</source>
        <translation>Letzte Wiederholung</translation>
    </message>
    <message>
        <source>Last one</source>
        <extracomment>The same, short: where a rep leaves a second for it (and the recorded clip).</extracomment>
        <translation>Die letzte</translation>
    </message>
    <message>
        <source>Next set</source>
        <translation>Nächster Satz</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>Satz %1 von %2</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Rest, %1 seconds</source>
        <translation>Pause, %1 Sekunden</translation>
    </message>
    <message>
        <source>Heat on. Warm, not hot</source>
        <translation>Wärme auflegen. Warm, nicht heiß</translation>
    </message>
    <message>
        <source>Heat off</source>
        <translation>Wärme ab</translation>
    </message>
    <message>
        <source>Round %1 of %2</source>
        <translation>Runde %1 von %2</translation>
    </message>
    <message>
        <source>Next round</source>
        <translation>Nächste Runde</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Als Nächstes: %1</translation>
    </message>
    <message>
        <source>Ten seconds</source>
        <translation>Noch zehn Sekunden</translation>
    </message>
    <message>
        <source>left leg</source>
        <translation>linkes Bein</translation>
    </message>
    <message>
        <source>right leg</source>
        <translation>rechtes Bein</translation>
    </message>
    <message>
        <source>left leg back</source>
        <translation>linkes Bein hinten</translation>
    </message>
    <message>
        <source>right leg back</source>
        <translation>rechtes Bein hinten</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>A step&apos;s name and its side: &quot;Seated calf raise, left leg&quot;.</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Seated calf raise</source>
        <extracomment>The step the Test button names.</extracomment>
        <translation>Wadenheben im Sitzen</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>&amp;Name</source>
        <extracomment>Which fields each kind of step has, in the order the form shows them. Cold this short has no skin check (the plan makes none): the field is not shown. Every row the form can show, in its order. The form&apos;s widgets that edit a field of the file under another name. The picture combo&apos;s last item: choose a file (copied into the routine&apos;s folder).</extracomment>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Counted reps, paced by a tempo</source>
        <translation>Gezählte Wiederholungen im vorgegebenen Tempo</translation>
    </message>
    <message>
        <source>Counted reps, one count every few seconds</source>
        <translation>Gezählte Wiederholungen, alle paar Sekunden eine Zahl</translation>
    </message>
    <message>
        <source>Reps at the runner&apos;s pace: Enter after each</source>
        <translation>Wiederholungen im eigenen Tempo: Eingabe nach jeder</translation>
    </message>
    <message>
        <source>Reps at the runner&apos;s pace: Enter after the set</source>
        <translation>Wiederholungen im eigenen Tempo: Eingabe nach dem Satz</translation>
    </message>
    <message>
        <source>Timed</source>
        <translation>Nach Zeit</translation>
    </message>
    <message>
        <source>&amp;Counting</source>
        <translation>Zählun&amp;g</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>Ha&amp;lten</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>Da&amp;uer</translation>
    </message>
    <message>
        <source>S&amp;kin check every</source>
        <translation>Haut&amp;kontrolle alle</translation>
    </message>
    <message>
        <source>No side (both legs together)</source>
        <translation>Keine Seite (beide Beine zusammen)</translation>
    </message>
    <message>
        <source>Each leg, left first</source>
        <translation>Jedes Bein, links zuerst</translation>
    </message>
    <message>
        <source>Each leg, the sore one first</source>
        <translation>Jedes Bein, das schmerzende zuerst</translation>
    </message>
    <message>
        <source>Left leg only</source>
        <translation>Nur linkes Bein</translation>
    </message>
    <message>
        <source>Right leg only</source>
        <translation>Nur rechtes Bein</translation>
    </message>
    <message>
        <source>The back leg of a staggered stance</source>
        <translation>Das hintere Bein einer Schrittstellung</translation>
    </message>
    <message>
        <source>The leg that works</source>
        <translation>Das arbeitende Bein</translation>
    </message>
    <message>
        <source>The side is</source>
        <translation>Die Seite ist</translation>
    </message>
    <message numerus="yes">
        <source>%n set(s)</source>
        <translation>
            <numerusform>%n Satz</numerusform>
            <numerusform>%n Sätze</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Sets</source>
        <translation>&amp;Sätze</translation>
    </message>
    <message numerus="yes">
        <source>%n rep(s)</source>
        <translation>
            <numerusform>%n Wiederholung</numerusform>
            <numerusform>%n Wiederholungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;ps per set</source>
        <translation>Wiederh&amp;olungen pro Satz</translation>
    </message>
    <message>
        <source>Temp&amp;o</source>
        <translation>Tem&amp;po</translation>
    </message>
    <message>
        <source>Sec&amp;onds per rep</source>
        <translation>Sekunden &amp;pro Wiederholung</translation>
    </message>
    <message>
        <source>Rest between</source>
        <translation>Pause dazwischen</translation>
    </message>
    <message>
        <source>Le&amp;gs</source>
        <translation>Be&amp;ine</translation>
    </message>
    <message>
        <source>Get into position</source>
        <translation>In Position gehen</translation>
    </message>
    <message>
        <source>One instruction per line</source>
        <translation>Eine Anweisung pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Instructions</source>
        <translation>&amp;Anweisungen</translation>
    </message>
    <message>
        <source>Optional: your own caution, shown beside the app&apos;s</source>
        <translation>Optional: dein eigener Warnhinweis, neben dem der App gezeigt</translation>
    </message>
    <message>
        <source>Ca&amp;ution</source>
        <translation>Warn&amp;hinweis</translation>
    </message>
    <message>
        <source>Optional: what to read during the rests</source>
        <translation>Optional: was in den Pausen zu lesen ist</translation>
    </message>
    <message>
        <source>Rest te&amp;xt</source>
        <translation>Pausente&amp;xt</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>From a file…</source>
        <translation>Aus einer Datei …</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Töne</translation>
    </message>
    <message>
        <source>Rest between holds</source>
        <translation>Pause zwischen den Dehnungen</translation>
    </message>
    <message>
        <source>Rest between sets</source>
        <translation>Pause zwischen den Sätzen</translation>
    </message>
    <message>
        <source>Holds &amp;per side</source>
        <translation>Dehnungen pr&amp;o Seite</translation>
    </message>
    <message numerus="yes">
        <source>%n hold(s)</source>
        <translation>
            <numerusform>%n Dehnung</numerusform>
            <numerusform>%n Dehnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Runden</translation>
    </message>
    <message>
        <source>&amp;Hold per set</source>
        <translation>Ha&amp;lten pro Satz</translation>
    </message>
</context>
<context>
    <name>StepPane</name>
    <message>
        <source>No step yet: choose a kind and press “Add step”.</source>
        <translation>Noch kein Schritt: Art wählen und „Schritt hinzufügen“ drücken.</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>%1: %2 × %3 hold</source>
        <translation>%1: %2 × %3 halten</translation>
    </message>
    <message>
        <source>%1 (%2–%3)</source>
        <translation>%1 (%2–%3)</translation>
    </message>
    <message>
        <source>%1, %2 rest</source>
        <translation>%1, %2 Pause</translation>
    </message>
    <message>
        <source>%1: %2 (at most %3)</source>
        <translation>%1: %2 (höchstens %3)</translation>
    </message>
    <message>
        <source>%1 s down</source>
        <translation>%1 s runter</translation>
    </message>
    <message>
        <source>%1 s up</source>
        <translation>%1 s hoch</translation>
    </message>
    <message>
        <source>%1 s hold</source>
        <translation>%1 s halten</translation>
    </message>
    <message>
        <source>%1 s pause</source>
        <translation>%1 s Pause</translation>
    </message>
    <message>
        <source>%1 reps</source>
        <translation>%1 Wiederholungen</translation>
    </message>
    <message>
        <source>at your own pace</source>
        <translation>im eigenen Tempo</translation>
    </message>
    <message>
        <source>one every %1 s</source>
        <translation>eine alle %1 s</translation>
    </message>
    <message>
        <source>%1: %2 of heat</source>
        <translation>%1: %2 Wärme</translation>
    </message>
    <message>
        <source>left leg</source>
        <translation>linkes Bein</translation>
    </message>
    <message>
        <source>right leg</source>
        <translation>rechtes Bein</translation>
    </message>
    <message>
        <source>each leg, left first</source>
        <translation>jedes Bein, links zuerst</translation>
    </message>
    <message>
        <source>each leg, injured leg first</source>
        <translation>jedes Bein, verletztes zuerst</translation>
    </message>
    <message>
        <source>Steps %1–%2, %3 rounds</source>
        <translation>Schritte %1–%2, %3 Runden</translation>
    </message>
    <message>
        <source>Step %1, %2 rounds</source>
        <translation>Schritt %1, %2 Runden</translation>
    </message>
    <message>
        <source>%1 rest between rounds</source>
        <translation>%1 Pause zwischen den Runden</translation>
    </message>
</context>
<context>
    <name>Stretch</name>
    <message>
        <source>Do not stretch to the point of pain. A gentle pull only.</source>
        <translation>Dehnen Sie nie bis zum Schmerz. Nur ein sanfter Zug.</translation>
    </message>
    <message>
        <source>Mild discomfort is fine: at most 5 out of 10, settled by tomorrow morning. Stop if the pain is sharp or getting worse.</source>
        <translation>Leichte Beschwerden sind in Ordnung: höchstens 5 von 10, bis morgen früh abgeklungen. Hören Sie auf, wenn der Schmerz stechend ist oder stärker wird.</translation>
    </message>
    <message>
        <source>Move within a comfortable range. Stop if the pain is sharp or getting worse.</source>
        <translation>Bewegen Sie sich in einem angenehmen Bereich. Hören Sie auf, wenn der Schmerz stechend ist oder stärker wird.</translation>
    </message>
</context>
<context>
    <name>SuggestionDialog</name>
    <message>
        <source>Why:</source>
        <translation>Warum:</translation>
    </message>
</context>
<context>
    <name>Surface</name>
    <message>
        <source>Road</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Trail</source>
        <translation>Trail (Gelände)</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Bahn</translation>
    </message>
    <message>
        <source>Treadmill</source>
        <translation>Laufband</translation>
    </message>
    <message>
        <source>Sand or grass</source>
        <translation>Sand oder Gras</translation>
    </message>
</context>
<context>
    <name>TempoEdit</name>
    <message>
        <source>up first</source>
        <translation>zuerst hoch</translation>
    </message>
    <message>
        <source>down first</source>
        <translation>zuerst runter</translation>
    </message>
    <message>
        <source>up</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>down</source>
        <translation>runter</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>halten</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>TranslationWindow</name>
    <message>
        <source>Translation &amp;into</source>
        <translation>Übersetzung &amp;in</translation>
    </message>
    <message>
        <source>Translation into</source>
        <translation>Übersetzung in</translation>
    </message>
    <message>
        <source>&amp;Remove this translation</source>
        <translation>Übersetzung &amp;entfernen</translation>
    </message>
    <message>
        <source>Translations — %1</source>
        <extracomment>The translation&apos;s fields: (step or None, field) → its editor.</extracomment>
        <translation>Übersetzungen — %1</translation>
    </message>
    <message>
        <source>Written in %1</source>
        <translation>Geschrieben auf %1</translation>
    </message>
    <message>
        <source>Routine name</source>
        <translation>Name der Routine</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Warnhinweis</translation>
    </message>
    <message>
        <source>Rest text</source>
        <translation>Pausentext</translation>
    </message>
    <message>
        <source>Translate %1</source>
        <translation>%1 übersetzen</translation>
    </message>
    <message>
        <source>Remove translation</source>
        <translation>Übersetzung entfernen</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Soleus Coach</source>
        <translation>Soleus Coach</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Stop the routine…</source>
        <translation>Routine beenden …</translation>
    </message>
    <message>
        <source>Full window</source>
        <translation>Ganzes Fenster</translation>
    </message>
    <message>
        <source>Compact timer</source>
        <translation>Kleiner Timer</translation>
    </message>
    <message>
        <source>Show Soleus Coach</source>
        <translation>Soleus Coach zeigen</translation>
    </message>
    <message>
        <source>After a run: %1</source>
        <translation>Nach dem Lauf: %1</translation>
    </message>
    <message>
        <source>Before a run: %1</source>
        <translation>Vor dem Lauf: %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>WatchedFolderDialog</name>
    <message>
        <source>Watched folder for runs</source>
        <translation>Überwachter Ordner für Läufe</translation>
    </message>
    <message>
        <source>New GPX, TCX and FIT files in this folder (and its subfolders) are imported as they appear, for example where your watch&apos;s sync tool or an unzipped export puts them. The files are never changed.</source>
        <translation>Neue GPX-, TCX- und FIT-Dateien in diesem Ordner (und seinen Unterordnern) werden importiert, sobald sie erscheinen, zum Beispiel dort, wo das Synchronisierprogramm Ihrer Uhr oder ein entpackter Export sie ablegt. Die Dateien werden nie verändert.</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>Ordner &amp;wählen …</translation>
    </message>
    <message>
        <source>&amp;Stop watching</source>
        <translation>Überwachung &amp;beenden</translation>
    </message>
    <message>
        <source>Watching: %1</source>
        <translation>Überwacht: %1</translation>
    </message>
    <message>
        <source>No folder is watched.</source>
        <translation>Kein Ordner wird überwacht.</translation>
    </message>
    <message>
        <source>Folder to watch for runs</source>
        <translation>Ordner, der auf Läufe überwacht wird</translation>
    </message>
</context>
<context>
    <name>WeeklyChart</name>
    <message>
        <source>Minutes per week</source>
        <extracomment>Labels under the bars at least this far apart; values over them from this slot width.</extracomment>
        <translation>Minuten pro Woche</translation>
    </message>
    <message>
        <source>Kilometres run per month</source>
        <translation>Gelaufene Kilometer pro Monat</translation>
    </message>
    <message>
        <source>Kilometres run per week</source>
        <translation>Gelaufene Kilometer pro Woche</translation>
    </message>
    <message>
        <source>Minutes per month</source>
        <translation>Minuten pro Monat</translation>
    </message>
    <message>
        <source>Older runs, from %1, are outside this period</source>
        <translation>Ältere Läufe, ab %1, liegen außerhalb dieses Zeitraums</translation>
    </message>
    <message>
        <source>%1: %2 km</source>
        <translation>%1: %2 km</translation>
    </message>
    <message>
        <source>%1: %2 min</source>
        <translation>%1: %2 min</translation>
    </message>
    <message>
        <source>● pain after (0–10)</source>
        <translation>● Schmerz danach (0–10)</translation>
    </message>
    <message>
        <source>No sessions or runs in this period</source>
        <translation>Keine Einheiten oder Läufe in diesem Zeitraum</translation>
    </message>
</context>
<context>
    <name>_Countdown</name>
    <message>
        <source>Time remaining: %1</source>
        <translation>Verbleibende Zeit: %1</translation>
    </message>
</context>
<context>
    <name>_Question</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Skip (Esc)</source>
        <translation>Überspringen (Esc)</translation>
    </message>
</context>
</TS>
