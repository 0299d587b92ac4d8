<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChooseDialog</name>
    <message numerus="yes">
        <source>%n day(s) a week</source>
        <translation>
            <numerusform>%n day a week</numerusform>
            <numerusform>%n days a week</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorHub</name>
    <message numerus="yes">
        <source>%n unsaved routine(s) kept when Soleus Coach was last closed opened again.</source>
        <translation>
            <numerusform>%n unsaved routine kept when Soleus Coach was last closed opened again.</numerusform>
            <numerusform>%n unsaved routines kept when Soleus Coach was last closed opened again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to </source>
        <translation>
            <numerusform>Exported %n session to </numerusform>
            <numerusform>Exported %n sessions to </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This week: %n session(s)</source>
        <translation>
            <numerusform>This week: %n session</numerusform>
            <numerusform>This week: %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days in a row</source>
        <translation>
            <numerusform>%n days in a row</numerusform>
            <numerusform>%n days in a row</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n routine file(s) could not be loaded; select one to see why.</source>
        <translation>
            <numerusform>%n routine file could not be loaded; select one to see why.</numerusform>
            <numerusform>%n routine files could not be loaded; select one to see why.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammeUi</name>
    <message numerus="yes">
        <source>Report saved: %1 (%n page(s))</source>
        <translation>
            <numerusform>Report saved: %1 (%n page)</numerusform>
            <numerusform>Report saved: %1 (%n pages)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message numerus="yes">
        <source>Problems: %n</source>
        <translation>
            <numerusform>Problems: %n</numerusform>
            <numerusform>Problems: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutineFiles</name>
    <message numerus="yes">
        <source>%n of its files renamed (another routine has a file of that name)</source>
        <translation>
            <numerusform>%n of its files renamed (another routine has a file of that name)</numerusform>
            <numerusform>%n of its files renamed (another routine has a file of that name)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message numerus="yes">
        <source>Runs (%n)</source>
        <translation>
            <numerusform>Runs (%n)</numerusform>
            <numerusform>Runs (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the %n not sure</source>
        <translation>
            <numerusform>Only the %n not sure</numerusform>
            <numerusform>Only the %n not sure</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunsUi</name>
    <message numerus="yes">
        <source>Reading %n files and folders…</source>
        <translation>
            <numerusform>Reading %n files and folders…</numerusform>
            <numerusform>Reading %n files and folders…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) imported</source>
        <translation>
            <numerusform>%n run imported</numerusform>
            <numerusform>%n runs imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sure</source>
        <translation>
            <numerusform>%n not sure</numerusform>
            <numerusform>%n not sure</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>%n duplicate</numerusform>
            <numerusform>%n duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run(s)</source>
        <translation>
            <numerusform>%n not run</numerusform>
            <numerusform>%n not runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SaveBar</name>
    <message numerus="yes">
        <source>Cannot save yet: %n problem(s), listed on the right.</source>
        <translation>
            <numerusform>Cannot save yet: %n problem, listed on the right.</numerusform>
            <numerusform>Cannot save yet: %n problems, listed on the right.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionScreen</name>
    <message numerus="yes">
        <source>Welcome back: the computer slept for about %n minute(s); the timer kept counting.</source>
        <translation>
            <numerusform>Welcome back: the computer slept for about %n minute; the timer kept counting.</numerusform>
            <numerusform>Welcome back: the computer slept for about %n minutes; the timer kept counting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message numerus="yes">
        <source>%n set(s)</source>
        <translation>
            <numerusform>%n set</numerusform>
            <numerusform>%n sets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rep(s)</source>
        <translation>
            <numerusform>%n rep</numerusform>
            <numerusform>%n reps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hold(s)</source>
        <translation>
            <numerusform>%n hold</numerusform>
            <numerusform>%n holds</numerusform>
        </translation>
    </message>
</context>
</TS>