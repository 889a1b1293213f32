<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>MaskOutcomeStyle</name>
    <message>
        <source>[MASK]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen and replaced by [MASK]; the model must predict the original token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen and replaced by a random vocabulary token; the model must still predict the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen but left as it was; the model must still predict it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not chosen: the loss ignores this position (label -100).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::ChartsPanel</name>
    <message>
        <source>Add run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay a finished run folder (one with metrics.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every run from the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the moving average drawn over the raw loss (0 = no smoothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log perplexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic perplexity axis: early and late evaluations both stay readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the charts as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export charts as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the charts as an SVG drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export charts as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the metrics of every run as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export metrics as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation perplexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added run %1: %2 steps, %3 evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1. Check that the folder exists and that you may write there, or choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MaskLab training charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1 (%2). Check that the folder exists and that you may write there, or choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a run folder (one that holds metrics.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::ChunkListModel</name>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · review %2 · %3 · %4…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::ChunksPanel</name>
    <message>
        <source>Tokens per chunk (the course uses 128; DistilBERT allows 512)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups of 1,000 documents (the course&apos;s batched map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole corpus as one stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunk size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grouping:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups of %1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 documents, %2 tokens → &lt;b&gt;%3 chunks&lt;/b&gt; of %4 tokens. Dropped tail: %5 tokens (%6%), cut from the end of each group as the course&apos;s group_texts does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The corpus is shorter than one chunk: choose a smaller chunk size or add text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Chunk %1 starts in review %2 (%3) and crosses %n review seam(s). Its labels are its input ids: the model learns to predict the tokens masking hides. %4</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>It is in the training split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is in the evaluation split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downsampling left it out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::CoursePanel</name>
    <message>
        <source>Open the full IMDb…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The aclImdb folder or aclImdb_v1.tar.gz (for example from ../shared/fixtures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenize and group into chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downsample for a quick run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch loss and perplexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the adapted model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Domain adaptation fine-tunes a masked language model on text from your domain, here movie reviews, so it predicts that domain&apos;s words. The course uses IMDb: 25,000 training reviews, 25,000 test reviews and 50,000 unlabelled ones.&lt;/p&gt;&lt;p&gt;MaskLab ships 248 short reviews so this works offline at once. Open the full IMDb (the aclImdb folder or its tarball) to follow the course at full size.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The Dataset panel lists every review with its label, rating and length in tokens. Search it, filter by label, and read the histogram: many reviews are longer than the model&apos;s 512 positions, which is why the course does not truncate them but concatenates and cuts.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;group_texts&lt;/b&gt; joins the tokenized reviews ([CLS] … [SEP] each) and cuts the stream into chunks of 128 tokens; the tail of each group of 1,000 reviews that does not fill a chunk is dropped. A chunk&apos;s labels are a copy of its input ids.&lt;/p&gt;&lt;p&gt;In the Chunks panel, pieces of one word (##) are drawn joined and review seams [SEP] [CLS] are marked. The course gets 61,289 training chunks from IMDb.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The data collator chooses 15% of the tokens; 80% of those become [MASK], 10% a random token, 10% stay. The model is scored only on the chosen positions. Whole-word masking chooses whole words (20%) and masks all their pieces.&lt;/p&gt;&lt;p&gt;Move the sliders and re-roll: the shares measured over thousands of chunks stay on their targets.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The course trains on 10,000 chunks and evaluates on 1,000 (train_test_split with seed 42). The evaluation chunks are masked once, so perplexity does not jitter between evaluations. Set the sizes in the Dataset panel.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The course adapts distilbert-base-uncased: 6 layers, 66,985,530 parameters. Open such a folder (Hugging Face layout) in the Project panel, or train a new model from scratch; the demo trains a tiny one (2 layers of 128) in a few minutes on a CPU.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;AdamW with a linear schedule, weight decay on weights but not on biases and LayerNorm, gradient clipping at 1.0; perplexity is measured before training and after each epoch. Start the run: the window stays usable, Pause and Stop keep a checkpoint, Resume continues it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Perplexity is exp(mean cross entropy) on the masked evaluation chunks. The course goes from about 21.75 to 11.3 with DistilBERT; the demo&apos;s tiny model starts near its vocabulary size and falls below 100. Zoom and pan the charts, compare runs, export PNG, SVG or CSV.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Ask both models to fill “This is a great [MASK].” Before adaptation DistilBERT answers deal, success, adventure; after it, movie, film, story. The probes below the charts were re-scored at every evaluation, so you can see when the answer shifted.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the built-in demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Fill-mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::DataWorker</name>
    <message>
        <source>Building a vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tokenizing %n documents</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Grouping texts into chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::DatasetPanel</name>
    <message>
        <source>Open corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aclImdb folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File (IMDb tarball, JSONL, CSV, text)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in demo reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The aclImdb split to read (the course chunks the train split)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSONL key or CSV column holding the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a document to read it whole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunks to keep: a count, or a fraction of all chunks when below 1 (0 = what the other side leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train chunks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test chunks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an aclImdb folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corpora (*.tar.gz *.tgz *.tar.xz *.txz *.tar.bz2 *.tar *.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 documents (%3), %4 tokens with %5; read in %6 s, tokenized in %7 s%8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from the token cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;%1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 chunks of %2 tokens → %3 for training, %4 for evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — label %2, rating %3, %4 tokens

%5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::DocumentTableModel</name>
    <message>
        <source>neg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::FillMaskChart</name>
    <message>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::FillMaskPanel</name>
    <message>
        <source>A sentence with [MASK] where a word is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert [MASK] at the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the text as a probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probes: re-scored at every evaluation of a run (top 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the base model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a run, or choose a checkpoint above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This checkpoint could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No base model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Base&lt;/b&gt;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s first evaluation will answer here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live run (answers at each evaluation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this text as a probe before a run starts to follow it live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · the first of %1 masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live run, step %1 (epoch %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::InferenceWorker</name>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new, %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::LengthHistogram</name>
    <message>
        <source>document length (tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median %1 tokens, mean %2, longest %3. %4 documents (%5%) are longer than the model&apos;s %6 positions (dashed line): truncating would cut them, group_texts keeps every token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::MainWindow</name>
    <message>
        <source>MaskLab — masked language model workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill-mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>CPU · %n core(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>GPU · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open aclImdb &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open corpus file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the built-in &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the project folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when MaskLab starts again. Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;course, step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About MaskLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About MaskLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;MaskLab %1&lt;/b&gt;&lt;p&gt;A workbench for adapting masked language models to a domain, after the Hugging Face course chapter “Fine-tuning a masked language model”.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MaskLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the training and close? The run stops after the current step and keeps a checkpoint you can resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the training and saving a checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::MaskOutcomeLegend</name>
    <message>
        <source>word pieces joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review seam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A WordPiece continuation (a &quot;##&quot; piece) is drawn joined to the piece before it, so a word reads as one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One review ends and the next begins inside the chunk ([SEP] [CLS]).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::MasksPanel</name>
    <message>
        <source>Token masking (DataCollatorForLanguageModeling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole-word masking (the course&apos;s whole_word_masking_data_collator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw new masks with the next seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen → [MASK]:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen → random token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live shares:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The masked chunk decoded back to text, as the course prints it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word probability: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token probability: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole words: every chosen token becomes [MASK].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the chosen tokens: %1% [MASK], %2% random, %3% kept. These settings are the run&apos;s: training uses them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens chosen (of eligible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunk %1 with seed %2. Measured over %3 chunks: %4 of %5 eligible tokens chosen. Hover a coloured token to see what it was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::ProjectPanel</name>
    <message>
        <source>Project folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapt a model folder (Hugging Face save_pretrained layout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a new model from scratch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config.json + model.safetensors or pytorch_model.bin + tokenizer files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiny: 2 layers of 128 (the demo) · mini: 4 × 256 · small: 4 × 512 · distilbert: the distilbert-base-uncased shapes · bert-base: BERT-base shapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: build a WordPiece vocabulary from the corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built vocabulary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model yet: open a corpus first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config.json:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a tokenizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizers (tokenizer.json vocab.txt *.model);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>CPU: %n core(s) for training</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>GPU %1: %2, %3 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CUDA GPU: training runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CUDA GPU: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::RunMetrics</name>
    <message>
        <source>Cannot read %1 (%2). Choose a run folder that holds a metrics.jsonl written by training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2, is not valid JSON (%3). Repair or delete that line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2, is not a JSON object. Each line must be one object such as {&quot;type&quot;:&quot;step&quot;,&quot;step&quot;:10,...}; repair or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: a &quot;%3&quot; record needs a numeric &quot;step&quot;. Repair or delete that line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: &quot;%3&quot; is not a number. Repair or delete that line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::TokenFlowView</name>
    <message>
        <source>review %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding: fills the chunk; attention and loss skip it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special token added by the tokenizer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continues the word before it (a WordPiece &quot;##&quot; piece).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review %1 starts here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::TrainingForm</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimization (AdamW, linear schedule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation and logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New model size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built vocabulary size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole-word masking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[MASK] share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation mask seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warmup steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max gradient norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate every N steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate before training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log every N steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A save_pretrained folder to adapt; empty to train a new model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiny, mini, small, distilbert or bert-base: a new model of that size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a new model: tokenizer.json, vocab.txt or a SentencePiece .model; empty = build a WordPiece vocabulary from the corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents concatenated before cutting (the course: 1,000); 0 = the whole corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunks for training: a count, or a fraction when below 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunks for evaluation: a count, or a fraction when below 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluation chunks are masked once with this seed, so perplexity does not jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 = after every epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (CUDA when present), cpu, cuda or cuda:N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto, fp32, bf16 or fp16 (CUDA only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 = every core</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::TrainingPanel</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course&apos;s recipe (keep data and model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train with these settings into a new run folder of the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this step and keep a checkpoint; the run can be resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue a stopped run from its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after this step; saving a checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused. Continue, or Stop to keep a checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n step(s). Checkpoint: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped at step %1. Checkpoint: %2. Resume continues from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2 · epoch %3 · loss %4 · lr %5 · %6 tokens/s · ETA %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perplexity %1 at step %2 (started at %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load run settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training settings (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save run settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::TrainingWorker</name>
    <message>
        <source>probes not scored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>masklab::ui::Workbench</name>
    <message>
        <source>The project settings could not be read; the demo settings are used instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in demo corpus is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training stopped with an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop it, or wait until it ends, before starting another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run settings cannot work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop it, or wait until it ends, before resuming another.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
