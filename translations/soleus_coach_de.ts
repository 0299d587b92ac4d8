<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>CheckInDialog</name>
    <message>
        <source>How is your calf?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the routine: how much does your calf hurt now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you start: how much does your calf hurt?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 = no pain · 10 = worst pain imaginable. Type a number, or use the arrow keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain %1 of 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Swelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bruising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain at &amp;rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cannot bear weight on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do you have any of these?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <source>Get emergency help now if you suddenly feel short of breath, have chest pain, or cough up blood.</source>
        <extracomment>Translator: ``(context, source) -&gt; translated``. Identity until the GUI installs Qt&apos;s.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Before you start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soleus Coach guides stretching and icing for runners. It cannot diagnose anything. Calf pain can be a sign of a blood clot or a torn muscle. If your calf is swollen, bruised, warm or red, hurts at rest, or can&apos;t take your weight, or if you felt a sudden “pop” in it, see a doctor first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <source>Pain not settling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your calf pain hasn&apos;t been settling after sessions. A physical therapist can check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build up gradually</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Increasing distance or frequency too quickly is a common cause of calf pain. Build up gradually, and avoid a run much longer than your longest in the last month.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain before → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>History — Soleus Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps done in this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes about this session (how it felt, the run before it…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Routine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished routines appear here, with your pain check-ins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · active %2, paused %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain before → after: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injured leg: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps (%1 done, %2 skipped):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bruising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain at rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not bear weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It hurt during %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continued gently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red flags (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the session of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ice</name>
    <message>
        <source>Wrap the ice in a thin damp cloth, never bare on skin. Check your skin every 5 minutes. Take it off if the skin goes numb, white or blistered, or it hurts a lot. 20 minutes at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you use ice</source>
        <extracomment>Shown once, before the first ice step the user ever runs (the GUI stores that it was shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip ice if you have Raynaud&apos;s, hives from cold, poor feeling or circulation in your legs, or broken skin there. Ask a doctor first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ice can ease pain, but newer guidance says it may not speed healing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ice stops after 20 minutes at most, whatever the routine or settings ask for.</source>
        <extracomment>Shown when a protocol or a setting asked for more ice than the hard cap.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muscles work less well for about 30 minutes after icing. Don&apos;t ice before a run.</source>
        <extracomment>Shown with pre-run routines (and wherever ice could come right before a run).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItHurts</name>
    <message>
        <source>It hurts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold ended. Sharp pain means stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <extracomment>The default choice.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue gently (bend the front knee less)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the selected routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the selected routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the selected routine (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your practice this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your past sessions, pain check-ins and export (Ctrl+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file could not be loaded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Soleus Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n protocol file(s) could not be loaded; select one to see why.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot create folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your protocol folder could not be created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your protocols are in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocols (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace protocol?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have a file named %1. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has problems; nothing was copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routine with the id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session could not be written to your history (%1). It is kept and saving is tried again at every step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session could not be written to your history:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy as a file so that it is not lost?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions yet. Your history and weekly progress will show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This week: %n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days in a row</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>history not saved to disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ice off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to take the ice off your calf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings could not be saved (%1); they apply until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip to the next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back: restart this step, or the previous one if you are in its first 2 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up / Down arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold 5 s longer / shorter (within the routine&apos;s range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It hurts: end the hold now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the routine (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the selected routine; leave a finished one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F11</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a protocol file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProtocolTableModel</name>
    <message>
        <source>failed to load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yours (replaces bundled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedFlag</name>
    <message>
        <source>Please see a doctor before stretching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These signs can mean a muscle tear or a blood clot. Please see a doctor before stretching. Stretching can make a tear worse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t stretch today</source>
        <extracomment>The default (and safe) choice.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue — I&apos;ve been checked</source>
        <extracomment>The deliberate choice: never the default button.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A swollen calf, especially if it is also warm, red or darker than the other one, can be a sign of a blood clot in a deep vein. A doctor needs to rule that out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bruising, especially after a sudden “pop” in the calf, can mean a torn muscle. Stretching a tear can make it worse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain while you are resting, not only when you run, is more than a tight muscle. It can come from a tear or a blood clot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not being able to put your weight on the leg, or to rise on your toes, can mean a torn muscle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain of 7/10 or more is too much to stretch through. A stretch should feel like a gentle pull, never pain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How is your calf today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last session noted warning signs. Please check your calf again before you start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused — press Space to resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionScreen</name>
    <message>
        <source>Pause / resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip to next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorter hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It hurts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Welcome back: the computer slept for about %n minute(s); the timer kept counting.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Routine complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Well done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to return to your routines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the routine?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this routine now? What you have done so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold ended. Sharp pain means stop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stretch</name>
    <message>
        <source>Do not stretch to the point of pain. A gentle pull only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeeklyChart</name>
    <message>
        <source>Minutes per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week of %1: %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● pain after (0–10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions in these weeks yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
