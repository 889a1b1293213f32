<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>masklab::ui::ChunksPanel</name>
    <message numerus="yes">
        <source>Chunk %1 starts in review %2 (%3) and crosses %n review seam(s). Its labels are its input ids: the model learns to predict the tokens masking hides. %4</source>
        <translation>
            <numerusform>Chunk %1 starts in review %2 (%3) and crosses %n review seam. Its labels are its input ids: the model learns to predict the tokens masking hides. %4</numerusform>
            <numerusform>Chunk %1 starts in review %2 (%3) and crosses %n review seams. Its labels are its input ids: the model learns to predict the tokens masking hides. %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masklab::ui::DataWorker</name>
    <message numerus="yes">
        <source>Tokenizing %n documents</source>
        <translation>
            <numerusform>Tokenizing %n document</numerusform>
            <numerusform>Tokenizing %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masklab::ui::DownloadBox</name>
    <message numerus="yes">
        <source>, %n s left</source>
        <translation>
            <numerusform>, %n s left</numerusform>
            <numerusform>, %n s left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masklab::ui::MainWindow</name>
    <message numerus="yes">
        <source>CPU · %n core(s)</source>
        <translation>
            <numerusform>CPU · %n core</numerusform>
            <numerusform>CPU · %n cores</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masklab::ui::ProjectPanel</name>
    <message numerus="yes">
        <source>CPU: %n core(s) for training</source>
        <translation>
            <numerusform>CPU: %n core for training</numerusform>
            <numerusform>CPU: %n cores for training</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masklab::ui::TrainingPanel</name>
    <message numerus="yes">
        <source>Finished: %n step(s). Checkpoint: %1</source>
        <translation>
            <numerusform>Finished: %n step. Checkpoint: %1</numerusform>
            <numerusform>Finished: %n steps. Checkpoint: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Start waits for %n setting(s): %1</source>
        <translation>
            <numerusform>Start waits for %n setting: %1</numerusform>
            <numerusform>Start waits for %n settings: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
