<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Engine</name>
    <message>
        <source>no corpus path given; give an aclImdb folder, an aclImdb .tar.gz/.tar.xz archive, or a .jsonl, .csv or .txt file</source>
        <translation>путь к корпусу не указан; укажите папку aclImdb, архив aclImdb .tar.gz/.tar.xz или файл .jsonl, .csv или .txt</translation>
    </message>
    <message>
        <source>{1} does not exist; give an aclImdb folder, an aclImdb .tar.gz/.tar.xz archive, or a .jsonl, .csv or .txt file</source>
        <translation>{1} не существует; укажите папку aclImdb, архив aclImdb .tar.gz/.tar.xz или файл .jsonl, .csv или .txt</translation>
    </message>
    <message>
        <source>{1} is empty; delete it or put text in it</source>
        <translation>{1} пуст; удалите его или добавьте в него текст</translation>
    </message>
    <message>
        <source>cannot split an empty corpus: load some documents first</source>
        <translation>пустой корпус нельзя разделить: сначала загрузите документы</translation>
    </message>
    <message>
        <source>model folder not found: {1} is not a folder; give a folder with config.json and model.safetensors</source>
        <translation>папка модели не найдена: {1} — не папка; укажите папку с config.json и model.safetensors</translation>
    </message>
    <message>
        <source>device {1} was asked for, but no CUDA GPU is available: use device &quot;cpu&quot; or &quot;auto&quot;</source>
        <translation>запрошено устройство {1}, но GPU с CUDA нет: укажите устройство &quot;cpu&quot; или &quot;auto&quot;</translation>
    </message>
    <message>
        <source>unknown device {1}: use auto, cpu, cuda or cuda:N</source>
        <translation>неизвестное устройство {1}: укажите auto, cpu, cuda или cuda:N</translation>
    </message>
    <message>
        <source>building a WordPiece vocabulary of {1} tokens from the corpus</source>
        <translation>строим словарь WordPiece из {1} токенов по корпусу</translation>
    </message>
    <message>
        <source>the corpus gives {1} vocabulary entries, not {2}: every character and every word seen at least twice are in</source>
        <translation>корпус даёт {1} элементов словаря, а не {2}: в словаре уже все символы и все слова, встреченные хотя бы дважды</translation>
    </message>
    <message>
        <source>reading {1}</source>
        <translation>читаем {1}</translation>
    </message>
    <message>
        <source>loading {1}</source>
        <translation>загружаем {1}</translation>
    </message>
    <message>
        <source>downloading {1}</source>
        <translation>скачиваем {1}</translation>
    </message>
    <message>
        <source>warning: {1}</source>
        <translation>предупреждение: {1}</translation>
    </message>
    <message>
        <source>new {1} ({2}), {3} parameters</source>
        <translation>новая {1} ({2}), параметров: {3}</translation>
    </message>
    <message>
        <source>chunk_size {1} is longer than the model&apos;s {2} positions: choose a chunk_size of at most {2}</source>
        <translation>chunk_size {1} длиннее, чем {2} позиций модели: выберите chunk_size не больше {2}</translation>
    </message>
    <message>
        <source>tokenizing {1} documents</source>
        <translation>токенизируем документы: {1}</translation>
    </message>
    <message>
        <source>the corpus gives only {1} chunks of {2} tokens: add text or choose a smaller chunk size</source>
        <translation>корпус даёт всего {1} фрагм. по {2} токенов: добавьте текст или выберите меньший размер фрагмента</translation>
    </message>
    <message>
        <source>{1} chunks: {2} for training, {3} for evaluation</source>
        <translation>фрагментов: {1}; для обучения {2}, для оценки {3}</translation>
    </message>
    <message>
        <source>ran out of memory with batch_size {1}: try batch_size {2} with gradient_accumulation {3} (the same effective batch), or a shorter chunk_size</source>
        <translation>не хватило памяти при batch_size {1}: попробуйте batch_size {2} с gradient_accumulation {3} (тот же итоговый батч) или меньший chunk_size</translation>
    </message>
    <message>
        <source>resumed at step {1} (epoch {2})</source>
        <translation>продолжено с шага {1} (эпоха {2})</translation>
    </message>
    <message>
        <source>step {1}: perplexity {2}</source>
        <translation>шаг {1}: перплексия {2}</translation>
    </message>
    <message>
        <source>stopped at step {1}; resume with the run folder</source>
        <translation>остановлено на шаге {1}; продолжить можно из папки запуска</translation>
    </message>
    <message>
        <source>the training loss became {1} at step {2}: lower the learning rate (now {3}) or use fp32/bf16</source>
        <translation>функция потерь стала {1} на шаге {2}: уменьшите скорость обучения (сейчас {3}) или используйте fp32/bf16</translation>
    </message>
    <message>
        <source>fp16: gradients overflowed, step skipped, loss scale now {1}</source>
        <translation>fp16: переполнение градиентов, шаг пропущен, масштаб потерь теперь {1}</translation>
    </message>
    <message>
        <source>saved {1}</source>
        <translation>сохранено: {1}</translation>
    </message>
    <message>
        <source>the run folder {1} already holds a run: choose a new folder, or resume it</source>
        <translation>в папке {1} уже есть запуск: выберите новую папку или продолжите этот запуск</translation>
    </message>
    <message>
        <source>{1} is not a MaskLab run folder (no training_config.json): give the folder a run wrote</source>
        <translation>{1} — не папка запуска MaskLab (нет training_config.json): укажите папку, которую записал запуск</translation>
    </message>
    <message>
        <source>the run in {1} is already complete: start a new run, or raise epochs in its training_config.json</source>
        <translation>запуск в {1} уже завершён: начните новый или увеличьте epochs в его training_config.json</translation>
    </message>
    <message>
        <source>model folder not found: {1} does not exist; give a folder with config.json and model.safetensors, or a Hugging Face repo id such as distilbert-base-uncased</source>
        <translation>папка модели не найдена: {1} не существует; укажите папку с config.json и model.safetensors или id репозитория Hugging Face, например distilbert-base-uncased</translation>
    </message>
    <message>
        <source>tokenizer not found: {1} does not exist; give a tokenizer.json, a vocab.txt, a .model or a model folder</source>
        <translation>токенизатор не найден: {1} не существует; укажите tokenizer.json, vocab.txt, файл .model или папку модели</translation>
    </message>
    <message>
        <source>cannot rewrite {1}: is the disk full?</source>
        <translation>не удаётся перезаписать {1}: диск заполнен?</translation>
    </message>
    <message>
        <source>process {1} of {2} could not meet the others at {3}:{4} within {5} s ({6}): start every process of the run with the same MASTER_ADDR and MASTER_PORT, or raise ddp_timeout</source>
        <translation>процесс {1} из {2} не дождался остальных на {3}:{4} за {5} с ({6}): запустите все процессы обучения с одними MASTER_ADDR и MASTER_PORT или увеличьте ddp_timeout</translation>
    </message>
    <message>
        <source>{1} failed: process {2} of the run stopped answering (it died, or hung longer than ddp_timeout, {3} s); process {4} stops too. Resume the run from its folder. (c10d: {5})</source>
        <translation>сбой ({1}): процесс {2} перестал отвечать (завершился или завис дольше ddp_timeout, {3} с); процесс {4} тоже останавливается. Продолжите обучение из его папки. (c10d: {5})</translation>
    </message>
    <message>
        <source>{1} failed: the connection between the processes of the run broke; process {2} stops. Resume the run from its folder. (c10d: {3})</source>
        <translation>сбой ({1}): связь между процессами обучения прервалась; процесс {2} останавливается. Продолжите обучение из его папки. (c10d: {3})</translation>
    </message>
    <message>
        <source>{1} processes, {2} chunks per step; gradients summed in {3} buckets</source>
        <translation>процессов: {1}, фрагментов на шаг: {2}; градиенты суммируются порциями: {3}</translation>
    </message>
    <message>
        <source>the run had {1} processes, now {2}: gradient_accumulation {3} keeps its {4} chunks per step</source>
        <translation>у обучения было процессов: {1}, теперь {2}: gradient_accumulation {3} сохраняет {4} фрагментов на шаг</translation>
    </message>
    <message>
        <source>the run had {1} processes, now {2}: its {3} chunks per step do not divide into batches of {4} per process, so steps now take {5} chunks</source>
        <translation>у обучения было процессов: {1}, теперь {2}: его {3} фрагментов на шаг не делятся на батчи по {4} на процесс, поэтому шаг теперь берёт {5} фрагментов</translation>
    </message>
    <message>
        <source>cannot save the training state in {1} ({2}). The state saved before is kept: free space in {1} and resume the run</source>
        <translation>не удалось сохранить состояние обучения в {1} ({2}). Сохранённое ранее состояние цело: освободите место в {1} и продолжите обучение</translation>
    </message>
    <message>
        <source>cannot open {1}: {2}; check that it exists and that you may read it</source>
        <translation>не удаётся открыть {1}: {2}; проверьте, что файл существует и доступен для чтения</translation>
    </message>
    <message>
        <source>cannot read {1}: {2}</source>
        <translation>не удаётся прочитать {1}: {2}</translation>
    </message>
    <message>
        <source>{1} line {2} is not valid UTF-8 (byte {3} at column {4}); convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8</source>
        <translation>{1}, строка {2}: это не UTF-8 (байт {3} в столбце {4}); переведите файл в UTF-8, например iconv -f latin1 -t utf-8</translation>
    </message>
    <message>
        <source>{1} holds no documents for split &quot;{2}&quot;; check that its review files are there</source>
        <translation>в {1} нет документов части &quot;{2}&quot;; проверьте, что файлы отзывов на месте</translation>
    </message>
    <message>
        <source>{1} holds no documents; check the file, or cut it by line or paragraph instead</source>
        <translation>в {1} нет документов; проверьте файл или разбейте его по строкам или абзацам</translation>
    </message>
    <message>
        <source>train size {1} plus test size {2} is more than the {3} documents; choose smaller sizes</source>
        <translation>обучающая часть {1} и тестовая {2} вместе больше, чем документов ({3}); выберите размеры меньше</translation>
    </message>
    <message>
        <source>the train split would be empty; choose a smaller test size</source>
        <translation>обучающая часть была бы пустой; выберите тестовую часть меньше</translation>
    </message>
    <message>
        <source>the tokenizer has no [MASK] token: masked-LM training needs one</source>
        <translation>в токенизаторе нет токена [MASK]: без него нельзя обучать маскированную модель</translation>
    </message>
    <message>
        <source>the tokenizer for {1} has {2} tokens but the model&apos;s embeddings have {3} rows: use the tokenizer the model was trained with</source>
        <translation>в токенизаторе для {1} токенов: {2}, а в эмбеддингах модели строк: {3}; возьмите токенизатор, с которым модель обучалась</translation>
    </message>
    <message>
        <source>the tokenizer for {1} has no [MASK] token: a masked language model needs one</source>
        <translation>в токенизаторе для {1} нет токена [MASK]: он нужен маскированной языковой модели</translation>
    </message>
    <message>
        <source>no weights in {1}: expected model.safetensors or pytorch_model.bin</source>
        <translation>в {1} нет весов: ожидались model.safetensors или pytorch_model.bin</translation>
    </message>
    <message>
        <source>cannot create the model folder {1}: {2}</source>
        <translation>не удаётся создать папку модели {1}: {2}</translation>
    </message>
    <message>
        <source>cannot write {1}: check that the folder is writable and the disk not full</source>
        <translation>не удаётся записать {1}: проверьте, что в папку можно писать и диск не заполнен</translation>
    </message>
    <message>
        <source>the tokenizer has no [MASK] token, so fill-mask has nothing to fill; use the tokenizer the model was trained with</source>
        <translation>в токенизаторе нет токена [MASK], и заполнять нечего; возьмите токенизатор, с которым модель обучалась</translation>
    </message>
    <message>
        <source>the tokenizer has {1} tokens but the model&apos;s embeddings have {2} rows: use the tokenizer the model was trained with</source>
        <translation>в токенизаторе токенов: {1}, а в эмбеддингах модели строк: {2}; возьмите токенизатор, с которым модель обучалась</translation>
    </message>
    <message>
        <source>the text has no {2} token: add {2} where the model should guess</source>
        <translation>в тексте нет токена {2}: поставьте {2} там, где модель должна угадать слово</translation>
    </message>
    <message>
        <source>text {1} has no {2} token: add {2} where the model should guess</source>
        <translation>в тексте {1} нет токена {2}: поставьте {2} там, где модель должна угадать слово</translation>
    </message>
    <message>
        <source>the text is {2} tokens long (with {3} and {4}), more than the model&apos;s limit of {5} positions; shorten it</source>
        <translation>в тексте {2} токенов (с {3} и {4}), больше предела модели в {5} позиций; сократите его</translation>
    </message>
    <message>
        <source>text {1} is {2} tokens long (with {3} and {4}), more than the model&apos;s limit of {5} positions; shorten it</source>
        <translation>в тексте {1} {2} токенов (с {3} и {4}), больше предела модели в {5} позиций; сократите его</translation>
    </message>
    <message>
        <source>revision {1} not found in {2}: check the branch, tag or commit after &apos;@&apos;</source>
        <translation>ревизия {1} не найдена в {2}: проверьте ветку, тег или коммит после &apos;@&apos;</translation>
    </message>
    <message>
        <source>model {1} not found on {2}: check the repo id (org/name); a private repo also needs HF_TOKEN</source>
        <translation>модель {1} не найдена на {2}: проверьте id репозитория (org/name); для закрытого репозитория нужен ещё HF_TOKEN</translation>
    </message>
    <message>
        <source>{1} is gated or private: it needs a Hugging Face token. Accept its terms on {2}, then set HF_TOKEN or run `hf auth login`</source>
        <translation>{1} — закрытый репозиторий или с ограниченным доступом: нужен токен Hugging Face. Примите его условия на {2}, затем задайте HF_TOKEN или выполните `hf auth login`</translation>
    </message>
    <message>
        <source>your Hugging Face token has no access to {1} (HTTP {2}): accept its terms on {3}, or use a token with read access</source>
        <translation>у вашего токена Hugging Face нет доступа к {1} (HTTP {2}): примите условия на {3} или возьмите токен с правом чтения</translation>
    </message>
    <message>
        <source>{1} answered HTTP {2} for {3} of {4}</source>
        <translation>{1} ответил HTTP {2} на {3} из {4}</translation>
    </message>
    <message>
        <source>offline (HF_HUB_OFFLINE is set) and {1} is not in the cache at {2}: connect and unset HF_HUB_OFFLINE to download it, or give a model folder</source>
        <translation>работа без сети (задан HF_HUB_OFFLINE), а {1} нет в кэше {2}: подключитесь к сети и уберите HF_HUB_OFFLINE, чтобы скачать модель, или укажите папку модели</translation>
    </message>
    <message>
        <source>{1}; and {2} is not in the cache at {3}: check the network connection (or HF_ENDPOINT), or give a model folder</source>
        <translation>{1}; а {2} нет в кэше {3}: проверьте подключение к сети (или HF_ENDPOINT) или укажите папку модели</translation>
    </message>
    <message>
        <source>{1} has no config.json: it is not a model repository MaskLab can load</source>
        <translation>в {1} нет config.json: это не репозиторий модели, которую MaskLab может загрузить</translation>
    </message>
    <message>
        <source>{1} has no weights MaskLab reads (model.safetensors or pytorch_model.bin, whole or sharded)</source>
        <translation>в {1} нет весов, которые читает MaskLab (model.safetensors или pytorch_model.bin, целиком или частями)</translation>
    </message>
    <message>
        <source>{1} has no tokenizer files (tokenizer.json, vocab.txt or spiece.model)</source>
        <translation>в {1} нет файлов токенизатора (tokenizer.json, vocab.txt или spiece.model)</translation>
    </message>
    <message>
        <source>the server answered HTTP {1} for {2} ({3})</source>
        <translation>сервер ответил HTTP {1} на {2} ({3})</translation>
    </message>
    <message>
        <source>the download of {1} is corrupt: its sha256 is {2}…, the server promised {3}…; the file was removed, run again (or report the mirror)</source>
        <translation>загрузка {1} повреждена: её sha256 — {2}…, а сервер обещал {3}…; файл удалён, запустите снова (или сообщите о зеркале)</translation>
    </message>
    <message>
        <source>{1} is not valid JSON ({2})</source>
        <translation>{1} — не корректный JSON ({2})</translation>
    </message>
    <message>
        <source>{1} must hold a JSON object of training settings</source>
        <translation>в {1} должен быть JSON-объект с настройками обучения</translation>
    </message>
    <message>
        <source>{1}: {2} has the wrong type or is out of range ({3})</source>
        <translation>{1}: у {2} неверный тип или значение вне допустимого диапазона ({3})</translation>
    </message>
    <message>
        <source>{1}: unknown setting {2} (a typo?)</source>
        <translation>{1}: неизвестная настройка {2} (опечатка?)</translation>
    </message>
    <message>
        <source>cannot open the training config {1}</source>
        <translation>не удаётся открыть настройки обучения {1}</translation>
    </message>
    <message>
        <source>cannot open {1}: check the path and its permissions</source>
        <translation>не удаётся открыть {1}: проверьте путь и права доступа</translation>
    </message>
    <message>
        <source>{1} is not valid JSON ({2}); replace it with the file the model was saved with</source>
        <translation>{1} — не корректный JSON ({2}); замените его файлом, с которым модель была сохранена</translation>
    </message>
    <message>
        <source>{1} is empty: a vocab.txt lists one token per line</source>
        <translation>{1} пуст: в vocab.txt перечисляются токены, по одному в строке</translation>
    </message>
    <message>
        <source>{1} has no &quot;model&quot; section: it is not a Hugging Face tokenizer.json</source>
        <translation>в {1} нет раздела &quot;model&quot;: это не tokenizer.json Hugging Face</translation>
    </message>
    <message>
        <source>{1} holds an untyped model; MaskLab reads WordPiece tokenizer.json files and SentencePiece .model files</source>
        <translation>в {1} модель без типа; MaskLab читает tokenizer.json с WordPiece и файлы .model SentencePiece</translation>
    </message>
    <message>
        <source>{1} holds a {2} model; MaskLab reads WordPiece tokenizer.json files and SentencePiece .model files</source>
        <translation>в {1} модель {2}; MaskLab читает tokenizer.json с WordPiece и файлы .model SentencePiece</translation>
    </message>
    <message>
        <source>no tokenizer in folder {1}: expected tokenizer.json, vocab.txt or a SentencePiece .model</source>
        <translation>в папке {1} нет токенизатора: ожидались tokenizer.json, vocab.txt или файл .model SentencePiece</translation>
    </message>
    <message>
        <source>unknown tokenizer file {1}: expected tokenizer.json, vocab.txt or a SentencePiece .model</source>
        <translation>неизвестный файл токенизатора {1}: ожидались tokenizer.json, vocab.txt или файл .model SentencePiece</translation>
    </message>
    <message>
        <source>The demo&apos;s reviews were not found; looked in:{1}
Reinstall MaskLab, or set MASKLAB_DEMO_DIR to the folder holding {2}</source>
        <translation>Отзывы демо не найдены; искали в:{1}
Переустановите MaskLab или укажите в MASKLAB_DEMO_DIR папку, где лежит {2}</translation>
    </message>
    <message>
        <source>The demo&apos;s general-English base model was not found; looked in:{1}
Reinstall MaskLab, or set MASKLAB_DEMO_DIR to the folder holding {2}</source>
        <translation>Базовая модель демо (общий английский) не найдена; искали в:{1}
Переустановите MaskLab или укажите в MASKLAB_DEMO_DIR папку, где лежит {2}</translation>
    </message>
    <message>
        <source>no corpus is open: open one in the Dataset panel first</source>
        <translation>корпус не открыт: сначала откройте его на панели «Данные»</translation>
    </message>
    <message>
        <source>there are no chunks to mask: the corpus is shorter than one chunk, choose a smaller chunk size</source>
        <translation>нет фрагментов для маскирования: корпус короче одного фрагмента, выберите меньший размер фрагмента</translation>
    </message>
    <message>
        <source>a model from scratch needs a tokenizer: open a corpus first</source>
        <translation>модели с нуля нужен токенизатор: сначала откройте корпус</translation>
    </message>
    <message>
        <source>no model is loaded here: open a model folder or choose a checkpoint</source>
        <translation>здесь не загружена модель: откройте папку модели или выберите контрольную точку</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 Б</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 кБ</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 ГБ</translation>
    </message>
    <message>
        <source>cancelled reading {1}</source>
        <translation>чтение {1} отменено</translation>
    </message>
    <message>
        <source>cannot write the token cache {1}</source>
        <translation>не удаётся записать кэш токенов {1}</translation>
    </message>
    <message>
        <source>cannot write the token cache {1}: disk full?</source>
        <translation>не удаётся записать кэш токенов {1}: диск заполнен?</translation>
    </message>
    <message>
        <source>cannot rename the token cache to {1}</source>
        <translation>не удаётся переименовать кэш токенов в {1}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>{1}, and {2} more</source>
        <translation>{1} и ещё {2}</translation>
    </message>
    <message>
        <source>{1} line {2} is not valid JSON ({3}); write one JSON object per line</source>
        <translation>{1}, строка {2}: некорректный JSON ({3}); пишите по одному объекту JSON в строке</translation>
    </message>
    <message>
        <source>{1} line {2} is not a JSON object; write one object per line, such as {&quot;{3}&quot;: &quot;...&quot;}</source>
        <translation>{1}, строка {2}: это не объект JSON; пишите по одному объекту в строке, например {&quot;{3}&quot;: &quot;...&quot;}</translation>
    </message>
    <message>
        <source>{1} line {2} has no field {3} (it has: {4}); choose the field with --field</source>
        <translation>{1}, строка {2}: нет поля {3} (поля: {4}); выберите поле через --field</translation>
    </message>
    <message>
        <source>{1} line {2} has a {3} in field {4}, not a string; choose the text field with --field</source>
        <translation>{1}, строка {2}: в поле {4} значение типа {3}, а не строка; выберите текстовое поле через --field</translation>
    </message>
    <message>
        <source>{1} line {2} opens a quoted field that is never closed; close it with &quot; and write quotes inside it as &quot;&quot;</source>
        <translation>{1}, строка {2}: поле в кавычках открыто, но не закрыто; закройте его знаком &quot; и пишите кавычки внутри него как &quot;&quot;</translation>
    </message>
    <message>
        <source>{1} has no column {2} (columns: {3}); choose the column with --field</source>
        <translation>в {1} нет столбца {2} (столбцы: {3}); выберите столбец через --field</translation>
    </message>
    <message>
        <source>{1} line {2} has {3} fields but the header has {4}; check the delimiter and the quoting of that line</source>
        <translation>{1}, строка {2}: полей {3}, а в заголовке {4}; проверьте разделитель и кавычки в этой строке</translation>
    </message>
    <message>
        <source>cannot list {1}: {2}</source>
        <translation>не удаётся получить список файлов в {1}: {2}</translation>
    </message>
    <message>
        <source>{1} has no *.txt files and is not an aclImdb folder (train/, test/); give a folder of .txt files, an aclImdb folder or a corpus file</source>
        <translation>в {1} нет файлов *.txt, и это не папка aclImdb (train/, test/); укажите папку с файлами .txt, папку aclImdb или файл корпуса</translation>
    </message>
    <message>
        <source>unknown split {1}; choose train, test or unsup</source>
        <translation>неизвестная часть {1}; выберите train, test или unsup</translation>
    </message>
    <message>
        <source>review file {1} is empty; delete it or put the review in it</source>
        <translation>файл отзыва {1} пуст; удалите его или впишите в него отзыв</translation>
    </message>
    <message>
        <source>{1} is missing or unreadable ({2}); an aclImdb folder holds train/pos, train/neg, train/unsup, test/pos and test/neg</source>
        <translation>папка {1} отсутствует или недоступна для чтения ({2}); в папке aclImdb есть train/pos, train/neg, train/unsup, test/pos и test/neg</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>неизвестная ошибка</translation>
    </message>
    <message>
        <source>{1} claims {2} bytes, more than a review can be ({3} MB): the archive is damaged, download it again</source>
        <translation>{1}: заявлен размер {2} байт, больше предельного размера отзыва ({3} МБ): архив повреждён, скачайте его заново</translation>
    </message>
    <message>
        <source>cannot read {1}: {2}; the archive is damaged, download it again</source>
        <translation>не удаётся прочитать {1}: {2}; архив повреждён, скачайте его заново</translation>
    </message>
    <message>
        <source>{1} is larger than a review can be ({2} MB): the archive is damaged, download it again</source>
        <translation>{1} больше предельного размера отзыва ({2} МБ): архив повреждён, скачайте его заново</translation>
    </message>
    <message>
        <source>cannot open archive {1}: {2}; give a .tar.gz or .tar.xz of the aclImdb folder</source>
        <translation>не удаётся открыть архив {1}: {2}; укажите .tar.gz или .tar.xz папки aclImdb</translation>
    </message>
    <message>
        <source>cannot read archive {1}: {2}; it is damaged or not a tar archive, download it again</source>
        <translation>не удаётся прочитать архив {1}: {2}; он повреждён или это не архив tar, скачайте его заново</translation>
    </message>
    <message>
        <source>the WordPiece vocabulary is empty</source>
        <translation>словарь WordPiece пуст</translation>
    </message>
    <message>
        <source>the vocabulary has no unknown token &quot;{1}&quot;; WordPiece needs one for words it cannot cover</source>
        <translation>в словаре нет токена неизвестного слова &quot;{1}&quot;; он нужен WordPiece для слов, которые словарь не покрывает</translation>
    </message>
    <message>
        <source>{1}: {2}</source>
        <translation>{1}: {2}</translation>
    </message>
    <message>
        <source>{1}: a field has the wrong type ({2}); replace it with the tokenizer.json the model was saved with</source>
        <translation>{1}: у поля неверный тип ({2}); замените файл на tokenizer.json, с которым была сохранена модель</translation>
    </message>
    <message>
        <source>{1}: model.max_input_chars_per_word must be a positive whole number, not {2}</source>
        <translation>{1}: model.max_input_chars_per_word должно быть целым положительным числом, а не {2}</translation>
    </message>
    <message>
        <source>{1}: model.vocab is missing or empty; a WordPiece tokenizer.json maps each token to its id</source>
        <translation>{1}: model.vocab отсутствует или пуст; в tokenizer.json для WordPiece каждому токену сопоставлен его id</translation>
    </message>
    <message>
        <source>{1}: model.vocab[{2}] is not an integer id</source>
        <translation>{1}: model.vocab[{2}] — не целочисленный id</translation>
    </message>
    <message>
        <source>{1}: token {2} has id {3}, but ids must be 0..{4} without gaps</source>
        <translation>{1}: у токена {2} id {3}, а id должны идти от 0 до {4} без пропусков</translation>
    </message>
    <message>
        <source>{1}: normalizer {2} is not supported; MaskLab implements BertNormalizer</source>
        <translation>{1}: нормализатор {2} не поддерживается; в MaskLab реализован BertNormalizer</translation>
    </message>
    <message>
        <source>{1}: pre_tokenizer {2} is not supported; MaskLab implements BertPreTokenizer</source>
        <translation>{1}: pre_tokenizer {2} не поддерживается; в MaskLab реализован BertPreTokenizer</translation>
    </message>
    <message>
        <source>{1}: post_processor.{2} must be [token, id], not {3}</source>
        <translation>{1}: post_processor.{2} должен иметь вид [token, id], а не {3}</translation>
    </message>
    <message>
        <source>the minimum word frequency is {1}; it must be at least 1</source>
        <translation>минимальная частота слова равна {1}, а должна быть не меньше 1</translation>
    </message>
    <message>
        <source>the WordPiece continuation prefix is empty; use &quot;##&quot;</source>
        <translation>префикс продолжения WordPiece пуст; используйте &quot;##&quot;</translation>
    </message>
    <message>
        <source>a special token of the vocabulary is empty</source>
        <translation>один из специальных токенов словаря пуст</translation>
    </message>
    <message>
        <source>the special token {1} is given twice; each needs its own id</source>
        <translation>специальный токен {1} указан дважды; каждому нужен свой id</translation>
    </message>
    <message>
        <source>a vocabulary of {1} tokens is too small: the {2} special tokens and the {3} characters of the corpus (each as a word start and as a &quot;{4}&quot; continuation) need {5}; raise the vocabulary size to at least {5}</source>
        <translation>словарь слишком мал (токенов: {1}): специальным токенам ({2}) и символам корпуса ({3}, каждый как начало слова и как продолжение &quot;{4}&quot;) нужно {5}; увеличьте размер словаря хотя бы до {5}</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>не найден</translation>
    </message>
    <message>
        <source>dlopen failed</source>
        <translation>ошибка dlopen</translation>
    </message>
    <message>
        <source>no symbol {1}: not a MaskLab module</source>
        <translation>нет символа {1}: это не модуль MaskLab</translation>
    </message>
    <message>
        <source>built for another interface version than this MaskLab ({1}); rebuild or reinstall it</source>
        <translation>собран для другой версии интерфейса, чем у этого MaskLab ({1}); пересоберите или переустановите его</translation>
    </message>
    <message>
        <source>cannot load the SentencePiece module named by {1}:{2}
Point {1} at {3} (built into &lt;build&gt;/lib) or unset it.</source>
        <translation>не удаётся загрузить модуль SentencePiece, указанный в {1}:{2}
Укажите в {1} путь к {3} (собирается в &lt;build&gt;/lib) или уберите эту переменную.</translation>
    </message>
    <message>
        <source>SentencePiece support is unavailable: {1} could not be loaded. Looked in:{2}
Build the masklab_sentencepiece target, or set {3} to the path of {1}.</source>
        <translation>поддержка SentencePiece недоступна: не удалось загрузить {1}. Где искали:{2}
Соберите цель masklab_sentencepiece или укажите в {3} путь к {1}.</translation>
    </message>
    <message>
        <source>SentencePiece model {1} cannot be opened: check the path and its permissions</source>
        <translation>не удаётся открыть модель SentencePiece {1}: проверьте путь и права доступа</translation>
    </message>
    <message>
        <source>SentencePiece model not found: {1} does not exist</source>
        <translation>модель SentencePiece не найдена: {1} не существует</translation>
    </message>
    <message>
        <source>{1} is a damaged SentencePiece model: {2}; give the .model file written by spm_train or save_pretrained</source>
        <translation>{1} — повреждённая модель SentencePiece: {2}; укажите файл .model, записанный spm_train или save_pretrained</translation>
    </message>
    <message>
        <source>{1} is not a SentencePiece model that can be loaded ({2}); give the .model file written by spm_train or save_pretrained</source>
        <translation>{1} не удаётся загрузить как модель SentencePiece ({2}); укажите файл .model, записанный spm_train или save_pretrained</translation>
    </message>
    <message>
        <source>SentencePiece could not encode a text with {1}: {2}</source>
        <translation>SentencePiece не смог закодировать текст моделью {1}: {2}</translation>
    </message>
    <message>
        <source>SentencePiece could not decode ids with {1}: {2}</source>
        <translation>SentencePiece не смог декодировать id моделью {1}: {2}</translation>
    </message>
    <message>
        <source>SentencePiece training needs at least one input text file</source>
        <translation>для обучения SentencePiece нужен хотя бы один входной текстовый файл</translation>
    </message>
    <message>
        <source>SentencePiece training input {1} does not exist or is not a file</source>
        <translation>входной файл обучения SentencePiece {1} не существует или не является файлом</translation>
    </message>
    <message>
        <source>SentencePiece training input {1} has a comma in its path, which spm_train reads as a separator; rename it</source>
        <translation>в пути входного файла обучения SentencePiece {1} есть запятая, а spm_train читает её как разделитель; переименуйте файл</translation>
    </message>
    <message>
        <source>SentencePiece training needs a model prefix (where to write &lt;prefix&gt;.model)</source>
        <translation>для обучения SentencePiece нужен префикс модели (куда записать &lt;prefix&gt;.model)</translation>
    </message>
    <message>
        <source>SentencePiece vocabulary size must be positive, not {1}</source>
        <translation>размер словаря SentencePiece должен быть положительным, а не {1}</translation>
    </message>
    <message>
        <source>user-defined symbol &quot;{1}&quot; is empty or holds a comma; spm_train cannot take it</source>
        <translation>пользовательский символ &quot;{1}&quot; пуст или содержит запятую; spm_train не может его принять</translation>
    </message>
    <message>
        <source>SentencePiece training on {1} failed: {2}</source>
        <translation>обучение SentencePiece на {1} не удалось: {2}</translation>
    </message>
    <message>
        <source>cannot copy {1} to {2}: {3}</source>
        <translation>не удаётся скопировать {1} в {2}: {3}</translation>
    </message>
    <message>
        <source>the environment variable {1} is &quot;{2}&quot;, not a whole number from {3} to {4}: launch with torchrun or masklab-cli train --nproc, which set it</source>
        <translation>переменная окружения {1} равна &quot;{2}&quot;, а не целому числу от {3} до {4}: запускайте через torchrun или masklab-cli train --nproc, они её задают</translation>
    </message>
    <message>
        <source>WORLD_SIZE is {1} but MASTER_PORT is not set: launch with torchrun or masklab-cli train --nproc, which set it</source>
        <translation>WORLD_SIZE равно {1}, но MASTER_PORT не задан: запускайте через torchrun или masklab-cli train --nproc, они его задают</translation>
    </message>
    <message>
        <source>{1} must be positive</source>
        <translation>{1} должно быть положительным</translation>
    </message>
    <message>
        <source>{1} must be 0 or positive</source>
        <translation>{1} должно быть 0 или положительным</translation>
    </message>
    <message>
        <source>{1} must not be negative</source>
        <translation>{1} не должно быть отрицательным</translation>
    </message>
    <message>
        <source>{1} must be at least 0 and below 1</source>
        <translation>{1} должно быть не меньше 0 и меньше 1</translation>
    </message>
    <message>
        <source>{1} must be at least 0 and below 1, or -1 for the model&apos;s own</source>
        <translation>{1} должно быть не меньше 0 и меньше 1 или -1 — значение самой модели</translation>
    </message>
    <message>
        <source>give either a model folder (model) or a size to start from scratch (from_scratch)</source>
        <translation>укажите либо папку модели (model), либо размер новой модели для обучения с нуля (from_scratch)</translation>
    </message>
    <message>
        <source>give either a model folder (model) or a size to start from scratch (from_scratch), not both</source>
        <translation>укажите либо папку модели (model), либо размер новой модели для обучения с нуля (from_scratch), но не то и другое</translation>
    </message>
    <message>
        <source>no corpus: set corpus (--input) to an aclImdb folder or tarball, JSONL, CSV or text</source>
        <translation>нет корпуса: укажите в corpus (--input) папку или архив aclImdb, файл JSONL, CSV или текстовый</translation>
    </message>
    <message>
        <source>{1} must be positive: evaluation measures perplexity on these chunks</source>
        <translation>{1} должно быть положительным: на этих фрагментах при оценке измеряется перплексия</translation>
    </message>
    <message>
        <source>mask_share and random_share must be at least 0 and add up to at most 1</source>
        <translation>mask_share и random_share должны быть не меньше 0, а их сумма — не больше 1</translation>
    </message>
    <message>
        <source>{1} must be from 1 to 4096</source>
        <translation>{1} должно быть от 1 до 4096</translation>
    </message>
    <message>
        <source>{1} must be auto, fp32, bf16 or fp16</source>
        <translation>{1} должно быть auto, fp32, bf16 или fp16</translation>
    </message>
    <message>
        <source>output_dir is empty: the run needs a folder for checkpoints and metrics</source>
        <translation>output_dir пуст: запуску нужна папка для контрольных точек и метрик</translation>
    </message>
    <message>
        <source>training config: {1}</source>
        <translation>настройки обучения: {1}</translation>
    </message>
    <message>
        <source>... and {1} more</source>
        <translation>... и ещё {1}</translation>
    </message>
    <message>
        <source>{1}: checkpoint {2}, model {3}</source>
        <translation>{1}: в контрольной точке {2}, в модели {3}</translation>
    </message>
    <message>
        <source>{1}: stored as {2}, a floating-point type is needed</source>
        <translation>{1}: хранится как {2}, а нужен тип с плавающей точкой</translation>
    </message>
    <message>
        <source>{1} does not fit a {2} with this config.json:
missing tensors:{3}
tensors of the wrong shape or type:{4}
Check that config.json belongs to these weights (vocab_size, dim, n_layers, hidden_dim).</source>
        <translation>{1} не подходит для {2} с этим config.json:
нет тензоров:{3}
тензоры неверной формы или типа:{4}
Проверьте, что config.json относится к этим весам (vocab_size, dim, n_layers, hidden_dim).</translation>
    </message>
    <message>
        <source>{1} does not fit a {2} with this config.json:
missing tensors:{3}
Check that config.json belongs to these weights (vocab_size, dim, n_layers, hidden_dim).</source>
        <translation>{1} не подходит для {2} с этим config.json:
нет тензоров:{3}
Проверьте, что config.json относится к этим весам (vocab_size, dim, n_layers, hidden_dim).</translation>
    </message>
    <message>
        <source>{1} does not fit a {2} with this config.json:
tensors of the wrong shape or type:{3}
Check that config.json belongs to these weights (vocab_size, dim, n_layers, hidden_dim).</source>
        <translation>{1} не подходит для {2} с этим config.json:
тензоры неверной формы или типа:{3}
Проверьте, что config.json относится к этим весам (vocab_size, dim, n_layers, hidden_dim).</translation>
    </message>
    <message>
        <source>{1} names {2}, which is not in the folder</source>
        <translation>{1} ссылается на {2}, а такого файла в папке нет</translation>
    </message>
    <message>
        <source>cannot write {1}: {2}</source>
        <translation>не удаётся записать {1}: {2}</translation>
    </message>
    <message>
        <source>fill-mask was asked for {1} predictions; ask for at least 1</source>
        <translation>у fill-mask запрошено предсказаний: {1}; запросите хотя бы 1</translation>
    </message>
    <message>
        <source>fill-mask batch size is {1}; it must be at least 1</source>
        <translation>размер пакета fill-mask равен {1}; он должен быть не меньше 1</translation>
    </message>
    <message>
        <source>cannot open the training state file {1}: {2}; check the path and its permissions</source>
        <translation>не удаётся открыть файл состояния обучения {1}: {2}; проверьте путь и права доступа</translation>
    </message>
    <message>
        <source>cannot read the training state file {1}: it is not a regular file</source>
        <translation>не удаётся прочитать файл состояния обучения {1}: это не обычный файл</translation>
    </message>
    <message>
        <source>cannot map the training state file {1}: {2}</source>
        <translation>не удаётся отобразить в память файл состояния обучения {1}: {2}</translation>
    </message>
    <message>
        <source>cannot write the training state {1} to disk: {2}</source>
        <translation>не удаётся записать состояние обучения {1} на диск: {2}</translation>
    </message>
    <message>
        <source>the saved training state in {1} is damaged: its trainer_state.json lost the checksums of its files, so it is not used</source>
        <translation>сохранённое состояние обучения в {1} повреждено: в его trainer_state.json пропали контрольные суммы файлов, поэтому оно не используется</translation>
    </message>
    <message>
        <source>the saved training state in {1} lacks {2}: the run cannot be resumed from it</source>
        <translation>в сохранённом состоянии обучения в {1} нет {2}: продолжить запуск с него нельзя</translation>
    </message>
    <message>
        <source>the saved training state in {1} is damaged: {2} does not match the checksum written with it, so it is not used; start the run again or resume from a copy of the run folder</source>
        <translation>сохранённое состояние обучения в {1} повреждено: {2} не совпадает с записанной для него контрольной суммой, поэтому состояние не используется; начните запуск заново или продолжите с копии папки запуска</translation>
    </message>
    <message>
        <source>no saved state in {1} (state/trainer_state.json is missing): the run cannot be resumed</source>
        <translation>в {1} нет сохранённого состояния (нет state/trainer_state.json): запуск нельзя продолжить</translation>
    </message>
    <message>
        <source>{1} is damaged ({2}): the run cannot be resumed</source>
        <translation>файл {1} повреждён ({2}): запуск нельзя продолжить</translation>
    </message>
    <message>
        <source>{1} is not a training state this MaskLab reads (format {2}): resume it with the MaskLab that wrote it</source>
        <translation>{1} — состояние обучения, которое этот MaskLab не читает (формат {2}): продолжите запуск в том MaskLab, который его записал</translation>
    </message>
    <message>
        <source>{1} is damaged ({2} is {3}, not a count): the run cannot be resumed</source>
        <translation>файл {1} повреждён ({2} равно {3}, а это не неотрицательное целое): запуск нельзя продолжить</translation>
    </message>
    <message>
        <source>{1} is damaged (processes is 0): the run cannot be resumed</source>
        <translation>файл {1} повреждён (processes равно 0): запуск нельзя продолжить</translation>
    </message>
    <message>
        <source>the saved optimizer or RNG state in {1} cannot be read: {2}</source>
        <translation>не удаётся прочитать сохранённое состояние оптимизатора или генератора случайных чисел в {1}: {2}</translation>
    </message>
    <message>
        <source>{1} is damaged (its loss scale): the run cannot be resumed</source>
        <translation>файл {1} повреждён (масштаб потерь): запуск нельзя продолжить</translation>
    </message>
    <message>
        <source>sequence of {1} tokens is longer than the model&apos;s {2} positions; use a smaller chunk size</source>
        <translation>длина последовательности в токенах ({1}) больше числа позиций модели ({2}); уменьшите размер фрагмента</translation>
    </message>
    <message>
        <source>the disk is full: writing {1} needs {2} more; free space in {3} and run again, the download resumes</source>
        <translation>диск заполнен: для записи {1} нужно ещё {2}; освободите место в {3} и запустите снова — загрузка продолжится</translation>
    </message>
    <message>
        <source>cannot write {1}: {2}; check that {3} is writable</source>
        <translation>не удаётся записать {1}: {2}; проверьте, что в {3} можно писать</translation>
    </message>
    <message>
        <source>cannot follow a redirect from {1}</source>
        <translation>не удаётся пройти по перенаправлению с {1}</translation>
    </message>
    <message>
        <source>refusing a redirect to {1}: not an http(s) address</source>
        <translation>перенаправление на {1} отклонено: это не адрес http(s)</translation>
    </message>
    <message>
        <source>refusing a redirect from HTTPS to plain HTTP ({1}): the download would travel unprotected</source>
        <translation>перенаправление с HTTPS на простой HTTP ({1}) отклонено: загрузка шла бы без защиты</translation>
    </message>
    <message>
        <source>not an http(s) address: {1}</source>
        <translation>это не адрес http(s): {1}</translation>
    </message>
    <message>
        <source>more than 10 redirects while downloading {1}</source>
        <translation>больше 10 перенаправлений при загрузке {1}</translation>
    </message>
    <message>
        <source>{1} while downloading {2}</source>
        <translation>{1} при загрузке {2}</translation>
    </message>
    <message>
        <source>{1} while downloading {2}; the {3} received are kept: run again to resume</source>
        <translation>{1} при загрузке {2}; полученные {3} сохранены: запустите снова, чтобы продолжить</translation>
    </message>
    <message>
        <source>download of {1} cancelled at {2}; run it again to resume</source>
        <translation>загрузка {1} отменена на {2}; запустите её снова, чтобы продолжить</translation>
    </message>
    <message>
        <source>the server sent more than the {1} bytes it announced for {2}: refused, and the partial file removed</source>
        <translation>сервер прислал больше объявленных {1} байт для {2}: данные отклонены, неполный файл удалён</translation>
    </message>
    <message>
        <source>the server sent a broken response for {1}: {2}</source>
        <translation>сервер прислал повреждённый ответ для {1}: {2}</translation>
    </message>
    <message>
        <source>the server refuses every range of {1}</source>
        <translation>сервер отклоняет любой диапазон {1}</translation>
    </message>
    <message>
        <source>the download of {1} stopped: {2} received</source>
        <translation>загрузка {1} остановлена: получено {2}</translation>
    </message>
    <message>
        <source>the connection ended after {1} of {2} of {3}; run again to resume</source>
        <translation>соединение оборвалось после {1} из {2} файла {3}; запустите снова, чтобы продолжить</translation>
    </message>
    <message>
        <source>cannot start an HTTP transfer (libcurl failed to initialise)</source>
        <translation>не удаётся начать HTTP-передачу (libcurl не инициализировался)</translation>
    </message>
    <message>
        <source>cannot build the HTTP request headers (out of memory)</source>
        <translation>не удаётся собрать заголовки HTTP-запроса (не хватает памяти)</translation>
    </message>
    <message>
        <source>the connection to {1} failed: {2}</source>
        <translation>не удалось соединиться с {1}: {2}</translation>
    </message>
    <message>
        <source>HF_ENDPOINT &quot;{1}&quot; is not an http(s) address</source>
        <translation>HF_ENDPOINT &quot;{1}&quot; — не адрес http(s)</translation>
    </message>
    <message>
        <source>more than 10 redirects for {1} of {2}</source>
        <translation>больше 10 перенаправлений для {1} из {2}</translation>
    </message>
    <message>
        <source>cannot move the download into {1}: {2}</source>
        <translation>не удаётся переместить загруженное в {1}: {2}</translation>
    </message>
    <message>
        <source>{1} answered without a valid X-Repo-Commit header for {2}, so it is not a Hugging Face Hub: check HF_ENDPOINT, a proxy or a firewall</source>
        <translation>{1} ответил без верного заголовка X-Repo-Commit для {2}, значит, это не Hugging Face Hub: проверьте HF_ENDPOINT, прокси или брандмауэр</translation>
    </message>
    <message>
        <source>{1} gave no usable ETag for {2} of {3}: the cache cannot name the file; check HF_ENDPOINT</source>
        <translation>{1} не дал пригодного ETag для {2} из {3}: кэшу нечем назвать файл; проверьте HF_ENDPOINT</translation>
    </message>
    <message>
        <source>{1} answered HTTP {2} for {3}</source>
        <translation>{1} ответил HTTP {2} на {3}</translation>
    </message>
    <message>
        <source>the disk is full: {1} of {2} needs {3} and {4} has {5} free; free space or set HF_HUB_CACHE to a larger disk</source>
        <translation>диск заполнен: {1} из {2} нужно {3}, а в {4} свободно {5}; освободите место или укажите в HF_HUB_CACHE диск побольше</translation>
    </message>
    <message>
        <source>{1} of {2} names {3}, which the repo lacks</source>
        <translation>{1} из {2} называет {3}, которого нет в репозитории</translation>
    </message>
    <message>
        <source>{1} has no file {2}</source>
        <translation>в {1} нет файла {2}</translation>
    </message>
    <message>
        <source>no folder {1} here, and as a Hugging Face repo id: {2}</source>
        <translation>папки {1} здесь нет, а как id репозитория Hugging Face: {2}</translation>
    </message>
    <message>
        <source>no folder for downloads: set MASKLAB_CACHE_DIR or HOME</source>
        <translation>нет папки для загрузок: задайте MASKLAB_CACHE_DIR или HOME</translation>
    </message>
    <message>
        <source>refusing the repo file name {1}: {2} (a file name must stay inside the model folder)</source>
        <translation>имя файла репозитория {1} отклонено: {2} (имя файла должно оставаться внутри папки модели)</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>оно пустое</translation>
    </message>
    <message>
        <source>it is an absolute path</source>
        <translation>это абсолютный путь</translation>
    </message>
    <message>
        <source>it contains a backslash</source>
        <translation>в нём есть обратная косая черта</translation>
    </message>
    <message>
        <source>it names a drive</source>
        <translation>в нём указан диск</translation>
    </message>
    <message>
        <source>it contains a NUL byte</source>
        <translation>в нём есть байт NUL</translation>
    </message>
    <message>
        <source>it has a {1} segment</source>
        <translation>в нём есть сегмент {1}</translation>
    </message>
    <message>
        <source>it ends with &apos;/&apos;</source>
        <translation>оно оканчивается на &apos;/&apos;</translation>
    </message>
    <message>
        <source>cannot write {1}: check that the cache folder is writable</source>
        <translation>не удаётся записать {1}: проверьте, что в папку кэша можно писать</translation>
    </message>
    <message>
        <source>cannot create {1}: {2}</source>
        <translation>не удаётся создать {1}: {2}</translation>
    </message>
    <message>
        <source>cannot link {1} to its blob: {2}</source>
        <translation>не удаётся связать {1} с его блобом: {2}</translation>
    </message>
    <message>
        <source>{1} is not a weight index (a JSON object with &quot;weight_map&quot;): the repository&apos;s sharded weights cannot be read</source>
        <translation>{1} — не индекс весов (объект JSON с &quot;weight_map&quot;): разбитые на части веса репозитория не прочитать</translation>
    </message>
    <message>
        <source>{1}: weight_map[{2}] is not a file name</source>
        <translation>{1}: weight_map[{2}] — не имя файла</translation>
    </message>
    <message>
        <source>{1} names no weight files</source>
        <translation>{1} не называет ни одного файла весов</translation>
    </message>
    <message>
        <source>{1} is not a valid safetensors file: {2}; the file is damaged or of another format, so download or export it again</source>
        <translation>{1} — некорректный файл safetensors: {2}; файл повреждён или в другом формате, скачайте или экспортируйте его заново</translation>
    </message>
    <message>
        <source>cannot open the safetensors file {1}: {2}; check the path and its permissions</source>
        <translation>не удаётся открыть файл safetensors {1}: {2}; проверьте путь и права доступа</translation>
    </message>
    <message>
        <source>cannot read the safetensors file {1}: it is not a regular file</source>
        <translation>не удаётся прочитать файл safetensors {1}: это не обычный файл</translation>
    </message>
    <message>
        <source>cannot map the safetensors file {1}: {2}</source>
        <translation>не удаётся отобразить в память файл safetensors {1}: {2}</translation>
    </message>
    <message>
        <source>tensor {1} is not described by a JSON object</source>
        <translation>тензор {1} описан не объектом JSON</translation>
    </message>
    <message>
        <source>tensor {1} has no &quot;dtype&quot; string</source>
        <translation>у тензора {1} нет строки &quot;dtype&quot;</translation>
    </message>
    <message>
        <source>{1}: tensor {2} has dtype {3}, which MaskLab does not read (it reads {4}); convert the checkpoint to F32, F16 or BF16 and save it again</source>
        <translation>{1}: у тензора {2} тип {3}, который MaskLab не читает (он читает {4}); преобразуйте контрольную точку в F32, F16 или BF16 и сохраните заново</translation>
    </message>
    <message>
        <source>tensor {1} has no &quot;shape&quot; array</source>
        <translation>у тензора {1} нет массива &quot;shape&quot;</translation>
    </message>
    <message>
        <source>tensor {1} has a shape entry that is not a whole number &gt;= 0</source>
        <translation>в форме тензора {1} есть элемент, не являющийся целым числом &gt;= 0</translation>
    </message>
    <message>
        <source>tensor {1} has no &quot;data_offsets&quot; pair of whole numbers</source>
        <translation>у тензора {1} нет пары целых чисел &quot;data_offsets&quot;</translation>
    </message>
    <message>
        <source>tensor {1} has data offsets [{2}, {3}] that end before they begin</source>
        <translation>смещения данных тензора {1} [{2}, {3}] заканчиваются раньше, чем начинаются</translation>
    </message>
    <message>
        <source>tensor {1} has data offsets [{2}, {3}] outside the {4}-byte data section (is the file truncated?)</source>
        <translation>смещения данных тензора {1} [{2}, {3}] выходят за пределы раздела данных (его размер в байтах — {4}; файл обрезан?)</translation>
    </message>
    <message>
        <source>tensor {1} holds {2} bytes, which does not match its shape and dtype {3}</source>
        <translation>размер тензора {1} в байтах — {2}, что не соответствует его форме и типу {3}</translation>
    </message>
    <message>
        <source>it has {1} bytes, fewer than the 8-byte header length</source>
        <translation>в нём всего байт: {1} — меньше, чем 8 байт длины заголовка</translation>
    </message>
    <message>
        <source>its header length says {1} bytes but only {2} follow (is the file truncated?)</source>
        <translation>по записанной длине заголовка нужно байт: {1}, а дальше их только {2} (файл обрезан?)</translation>
    </message>
    <message>
        <source>its header is not valid JSON ({1})</source>
        <translation>его заголовок — некорректный JSON ({1})</translation>
    </message>
    <message>
        <source>its header is not a JSON object</source>
        <translation>его заголовок — не объект JSON</translation>
    </message>
    <message>
        <source>its &quot;__metadata__&quot; is not a JSON object</source>
        <translation>его &quot;__metadata__&quot; — не объект JSON</translation>
    </message>
    <message>
        <source>its &quot;__metadata__&quot; value of {1} is not a string</source>
        <translation>значение {1} в его &quot;__metadata__&quot; — не строка</translation>
    </message>
    <message>
        <source>tensor {1} starts at byte {2} of the data, where the tensors before it end at {3} (tensors overlap)</source>
        <translation>тензор {1} начинается с байта {2} данных, а предыдущие тензоры заканчиваются на {3} (тензоры перекрываются)</translation>
    </message>
    <message>
        <source>tensor {1} starts at byte {2} of the data, where the tensors before it end at {3} (a gap)</source>
        <translation>тензор {1} начинается с байта {2} данных, а предыдущие тензоры заканчиваются на {3} (пропуск)</translation>
    </message>
    <message>
        <source>its tensors end at byte {1} of a data section of {2} bytes</source>
        <translation>его тензоры заканчиваются на байте {1}, а размер раздела данных в байтах — {2}</translation>
    </message>
    <message>
        <source>cannot write {1}: tensor {2} is undefined; pass a tensor</source>
        <translation>не удаётся записать {1}: тензор {2} не определён; передайте тензор</translation>
    </message>
    <message>
        <source>cannot write {1}: tensor {2} is not a dense tensor; convert it with to_dense() first</source>
        <translation>не удаётся записать {1}: тензор {2} не плотный; сначала преобразуйте его через to_dense()</translation>
    </message>
    <message>
        <source>cannot write {1}: tensor {2} has dtype {3}, which safetensors files here do not hold ({4}); convert it first</source>
        <translation>не удаётся записать {1}: у тензора {2} тип {3}, а файлы safetensors здесь хранят только {4}; сначала преобразуйте его</translation>
    </message>
    <message>
        <source>cannot write {1}: {2} is not a usable tensor name</source>
        <translation>не удаётся записать {1}: {2} не годится как имя тензора</translation>
    </message>
    <message>
        <source>cannot write {1}: the tensor name {2} appears twice</source>
        <translation>не удаётся записать {1}: имя тензора {2} встречается дважды</translation>
    </message>
    <message>
        <source>cannot write {1}: a tensor name or metadata entry is not valid UTF-8</source>
        <translation>не удаётся записать {1}: имя тензора или запись метаданных — не корректный UTF-8</translation>
    </message>
    <message>
        <source>cannot write {1}: {2}; check the folder</source>
        <translation>не удаётся записать {1}: {2}; проверьте папку</translation>
    </message>
    <message>
        <source>cannot write {1}: disk full?</source>
        <translation>не удаётся записать {1}: диск переполнен?</translation>
    </message>
    <message>
        <source>cannot rename {1} to {2}: {3}</source>
        <translation>не удаётся переименовать {1} в {2}: {3}</translation>
    </message>
    <message>
        <source>{1} is not a readable PyTorch checkpoint: {2}; load it with Python&apos;s torch.load and save it again with a recent torch.save, or as safetensors</source>
        <translation>{1} не читается как контрольная точка PyTorch: {2}; загрузите его в Python через torch.load и сохраните заново свежим torch.save или в формате safetensors</translation>
    </message>
    <message>
        <source>cannot open the PyTorch checkpoint {1}: {2}; check the path and its permissions</source>
        <translation>не удаётся открыть контрольную точку PyTorch {1}: {2}; проверьте путь и права доступа</translation>
    </message>
    <message>
        <source>cannot read the PyTorch checkpoint {1}: it is not a regular file</source>
        <translation>не удаётся прочитать контрольную точку PyTorch {1}: это не обычный файл</translation>
    </message>
    <message>
        <source>cannot map the PyTorch checkpoint {1}: {2}</source>
        <translation>не удаётся отобразить в память контрольную точку PyTorch {1}: {2}</translation>
    </message>
    <message>
        <source>its pickle nests values more than {1} levels deep, which no state dict does</source>
        <translation>его pickle вкладывает значения глубже {1} уровней, чего не бывает ни в одном словаре состояния</translation>
    </message>
    <message>
        <source>its pickle data.pkl ends early</source>
        <translation>его pickle data.pkl обрывается раньше времени</translation>
    </message>
    <message>
        <source>its pickle pops an empty stack</source>
        <translation>его pickle снимает значение с пустого стека</translation>
    </message>
    <message>
        <source>its pickle reads an empty stack</source>
        <translation>его pickle читает пустой стек</translation>
    </message>
    <message>
        <source>its pickle has no MARK where one is needed</source>
        <translation>в его pickle нет MARK там, где он нужен</translation>
    </message>
    <message>
        <source>its pickle recalls an unknown memo entry</source>
        <translation>его pickle обращается к неизвестной записи memo</translation>
    </message>
    <message>
        <source>its pickle holds an integer wider than 64 bits</source>
        <translation>в его pickle целое число шире 64 бит</translation>
    </message>
    <message>
        <source>its pickle appends to something that is not a list</source>
        <translation>его pickle добавляет элементы не в список</translation>
    </message>
    <message>
        <source>its pickle sets a dict key without a value</source>
        <translation>его pickle задаёт ключ словаря без значения</translation>
    </message>
    <message>
        <source>its pickle sets items of something that is not a dict</source>
        <translation>его pickle задаёт элементы не у словаря</translation>
    </message>
    <message>
        <source>its pickle names a class with something that is not a string</source>
        <translation>его pickle называет класс не строкой</translation>
    </message>
    <message>
        <source>its pickle uses opcode {1}, which a saved state dict does not need</source>
        <translation>его pickle использует код операции {1}, который сохранённому словарю состояния не нужен</translation>
    </message>
    <message>
        <source>its pickle refers to data that is not a tensor storage</source>
        <translation>его pickle ссылается на данные, которые не являются хранилищем тензора</translation>
    </message>
    <message>
        <source>it holds a storage of type {1}, which MaskLab does not read (it reads float, half, bfloat16 and integer tensors)</source>
        <translation>в нём хранилище типа {1}, которое MaskLab не читает (он читает тензоры float, half, bfloat16 и целочисленные)</translation>
    </message>
    <message>
        <source>storage {1} is saved with two dtypes</source>
        <translation>хранилище {1} сохранено с двумя разными типами</translation>
    </message>
    <message>
        <source>a tensor&apos;s storage size is not an integer</source>
        <translation>размер хранилища тензора — не целое число</translation>
    </message>
    <message>
        <source>its storage record {1} is missing</source>
        <translation>в нём нет записи хранилища {1}</translation>
    </message>
    <message>
        <source>its storage record {1} is shorter than the pickle says</source>
        <translation>его запись хранилища {1} короче, чем указано в pickle</translation>
    </message>
    <message>
        <source>a tensor is saved in an unknown way</source>
        <translation>тензор сохранён неизвестным способом</translation>
    </message>
    <message>
        <source>a tensor&apos;s storage offset is not an integer</source>
        <translation>смещение тензора в хранилище — не целое число</translation>
    </message>
    <message>
        <source>a tensor starts at a negative storage offset</source>
        <translation>тензор начинается с отрицательного смещения в хранилище</translation>
    </message>
    <message>
        <source>a tensor&apos;s size is not a tuple</source>
        <translation>размер тензора — не кортеж</translation>
    </message>
    <message>
        <source>a tensor&apos;s size is not an integer</source>
        <translation>размер тензора — не целое число</translation>
    </message>
    <message>
        <source>a tensor&apos;s stride is not a tuple</source>
        <translation>шаг тензора — не кортеж</translation>
    </message>
    <message>
        <source>a tensor&apos;s stride is not an integer</source>
        <translation>шаг тензора — не целое число</translation>
    </message>
    <message>
        <source>a tensor&apos;s size and stride differ in length</source>
        <translation>у тензора размер и шаг разной длины</translation>
    </message>
    <message>
        <source>a tensor has a negative size or stride</source>
        <translation>у тензора отрицательный размер или шаг</translation>
    </message>
    <message>
        <source>a tensor&apos;s view overflows</source>
        <translation>представление тензора вызывает переполнение</translation>
    </message>
    <message>
        <source>a tensor reads past the end of its storage {1}</source>
        <translation>тензор выходит за конец своего хранилища {1}</translation>
    </message>
    <message>
        <source>its pickle calls something that is not a known function</source>
        <translation>его pickle вызывает то, что не является известной функцией</translation>
    </message>
    <message>
        <source>a parameter is saved without its tensor</source>
        <translation>параметр сохранён без своего тензора</translation>
    </message>
    <message>
        <source>its pickle calls {1}, which a state dict of tensors does not need</source>
        <translation>его pickle вызывает {1}, а словарю состояния с тензорами это не нужно</translation>
    </message>
    <message>
        <source>{1} is in torch.save&apos;s legacy format (PyTorch before 1.6), which MaskLab does not read; load it with Python&apos;s torch.load and save it again with a recent torch.save, or as safetensors</source>
        <translation>{1} сохранён в старом формате torch.save (PyTorch до 1.6), который MaskLab не читает; загрузите его в Python через torch.load и сохраните заново свежим torch.save или в формате safetensors</translation>
    </message>
    <message>
        <source>{1} is not a PyTorch checkpoint (torch.save writes a zip file, and this is none); check the path, or load it with Python&apos;s torch.load and save it again with a recent torch.save, or as safetensors</source>
        <translation>{1} — не контрольная точка PyTorch (torch.save пишет zip-файл, а это не zip); проверьте путь или загрузите его в Python через torch.load и сохраните заново свежим torch.save или в формате safetensors</translation>
    </message>
    <message>
        <source>it holds two data.pkl records</source>
        <translation>в нём две записи data.pkl</translation>
    </message>
    <message>
        <source>it has no data.pkl record (is it a TorchScript model or another zip?)</source>
        <translation>в нём нет записи data.pkl (это модель TorchScript или другой zip?)</translation>
    </message>
    <message>
        <source>it was saved on a big-endian machine</source>
        <translation>он сохранён на машине с порядком байтов big-endian</translation>
    </message>
    <message>
        <source>it does not hold a dict of tensors (a state dict)</source>
        <translation>в нём нет словаря тензоров (state dict)</translation>
    </message>
    <message>
        <source>a key of its state dict is not a string</source>
        <translation>ключ его словаря состояния (state dict) — не строка</translation>
    </message>
    <message>
        <source>its entry {1} is not a tensor (a checkpoint that wraps the state dict, such as {&quot;state_dict&quot;: ...}, must be unwrapped)</source>
        <translation>его элемент {1} — не тензор (контрольную точку, в которую обёрнут словарь состояния, например {&quot;state_dict&quot;: ...}, нужно развернуть)</translation>
    </message>
    <message>
        <source>{1}: cannot rebuild a tensor ({2}); load it with Python&apos;s torch.load and save it again with a recent torch.save, or as safetensors</source>
        <translation>{1}: не удаётся восстановить тензор ({2}); загрузите его в Python через torch.load и сохраните заново свежим torch.save или в формате safetensors</translation>
    </message>
    <message>
        <source>{1}: field {2} has the wrong type ({3})</source>
        <translation>{1}: у поля {2} неверный тип ({3})</translation>
    </message>
    <message>
        <source>{1}: field {2} must be a whole number, not {3}</source>
        <translation>{1}: поле {2} должно быть целым числом, а не {3}</translation>
    </message>
    <message>
        <source>{1}: field {2} is {3}, far outside what a model can have</source>
        <translation>{1}: поле {2} равно {3} — далеко за пределами возможного для модели</translation>
    </message>
    <message>
        <source>model config: vocab_size must be positive, not {1}</source>
        <translation>конфигурация модели: vocab_size должно быть положительным, а не {1}</translation>
    </message>
    <message>
        <source>model config: the hidden size (dim / hidden_size) must be positive, not {1}</source>
        <translation>конфигурация модели: скрытый размер (dim / hidden_size) должен быть положительным, а не {1}</translation>
    </message>
    <message>
        <source>model config: the number of layers (n_layers / num_hidden_layers) must be positive, not {1}</source>
        <translation>конфигурация модели: число слоёв (n_layers / num_hidden_layers) должно быть положительным, а не {1}</translation>
    </message>
    <message>
        <source>model config: the number of attention heads (n_heads / num_attention_heads) must be positive, not {1}</source>
        <translation>конфигурация модели: число голов внимания (n_heads / num_attention_heads) должно быть положительным, а не {1}</translation>
    </message>
    <message>
        <source>model config: the feed-forward size (hidden_dim / intermediate_size) must be positive, not {1}</source>
        <translation>конфигурация модели: размер слоя feed-forward (hidden_dim / intermediate_size) должен быть положительным, а не {1}</translation>
    </message>
    <message>
        <source>model config: max_position_embeddings must be positive, not {1}</source>
        <translation>конфигурация модели: max_position_embeddings должно быть положительным, а не {1}</translation>
    </message>
    <message>
        <source>model config: vocab_size is {1}; MaskLab accepts at most {2}</source>
        <translation>конфигурация модели: vocab_size равно {1}; MaskLab допускает не больше {2}</translation>
    </message>
    <message>
        <source>model config: the hidden size (dim / hidden_size) is {1}; MaskLab accepts at most {2}</source>
        <translation>конфигурация модели: скрытый размер (dim / hidden_size) равен {1}; MaskLab допускает не больше {2}</translation>
    </message>
    <message>
        <source>model config: the number of layers (n_layers / num_hidden_layers) is {1}; MaskLab accepts at most {2}</source>
        <translation>конфигурация модели: число слоёв (n_layers / num_hidden_layers) равно {1}; MaskLab допускает не больше {2}</translation>
    </message>
    <message>
        <source>model config: the number of attention heads (n_heads / num_attention_heads) is {1}; MaskLab accepts at most {2}</source>
        <translation>конфигурация модели: число голов внимания (n_heads / num_attention_heads) равно {1}; MaskLab допускает не больше {2}</translation>
    </message>
    <message>
        <source>model config: the feed-forward size (hidden_dim / intermediate_size) is {1}; MaskLab accepts at most {2}</source>
        <translation>конфигурация модели: размер слоя feed-forward (hidden_dim / intermediate_size) равен {1}; MaskLab допускает не больше {2}</translation>
    </message>
    <message>
        <source>model config: max_position_embeddings is {1}; MaskLab accepts at most {2}</source>
        <translation>конфигурация модели: max_position_embeddings равно {1}; MaskLab допускает не больше {2}</translation>
    </message>
    <message>
        <source>model config: type_vocab_size is {1}; MaskLab accepts at most {2}</source>
        <translation>конфигурация модели: type_vocab_size равно {1}; MaskLab допускает не больше {2}</translation>
    </message>
    <message>
        <source>model config: these sizes make about {1} million parameters ({2} GB of float32), more than this machine&apos;s {3} GB of memory; check vocab_size, the hidden and feed-forward sizes, layers and max_position_embeddings</source>
        <translation>конфигурация модели: при этих размерах получается около {1} млн параметров ({2} ГБ в float32) — больше, чем {3} ГБ памяти этой машины; проверьте vocab_size, скрытый размер и размер feed-forward, число слоёв и max_position_embeddings</translation>
    </message>
    <message>
        <source>model config: the hidden size (dim / hidden_size) {1} is not a multiple of the {2} attention heads (n_heads / num_attention_heads)</source>
        <translation>конфигурация модели: скрытый размер (dim / hidden_size) {1} не кратен числу голов внимания {2} (n_heads / num_attention_heads)</translation>
    </message>
    <message>
        <source>model config: DistilBERT&apos;s LayerNorm epsilon is fixed at 1e-12 (config.json cannot say otherwise)</source>
        <translation>конфигурация модели: эпсилон LayerNorm у DistilBERT всегда 1e-12 (config.json не может задать другое)</translation>
    </message>
    <message>
        <source>model config: activation {1} is not supported (gelu or relu)</source>
        <translation>конфигурация модели: функция активации {1} не поддерживается (gelu или relu)</translation>
    </message>
    <message>
        <source>model config: dropout must be in [0, 1)</source>
        <translation>конфигурация модели: dropout должен быть в пределах [0, 1)</translation>
    </message>
    <message>
        <source>model config: pad_token_id {1} is outside the vocabulary</source>
        <translation>конфигурация модели: pad_token_id {1} вне словаря</translation>
    </message>
    <message>
        <source>{1} is not valid JSON ({2}); replace it with the config.json the model was saved with</source>
        <translation>{1} — некорректный JSON ({2}); замените его на config.json, с которым была сохранена модель</translation>
    </message>
    <message>
        <source>{1} is not a JSON object: expected a Hugging Face config.json</source>
        <translation>{1} — не объект JSON: ожидался config.json Hugging Face</translation>
    </message>
    <message>
        <source>{1}: sinusoidal_pos_embds is true; MaskLab supports learned position embeddings only</source>
        <translation>{1}: sinusoidal_pos_embds равно true; MaskLab поддерживает только обучаемые позиционные эмбеддинги</translation>
    </message>
    <message>
        <source>{1}: position_embedding_type {2} is not supported (absolute only)</source>
        <translation>{1}: position_embedding_type {2} не поддерживается (только absolute)</translation>
    </message>
    <message>
        <source>{1}: model_type {2} is not supported; MaskLab runs DistilBertForMaskedLM and BertForMaskedLM</source>
        <translation>{1}: model_type {2} не поддерживается; MaskLab работает с DistilBertForMaskedLM и BertForMaskedLM</translation>
    </message>
    <message>
        <source>{1}: untied output embeddings are not supported; MaskLab ties the projector to the word embeddings</source>
        <translation>{1}: несвязанные выходные эмбеддинги не поддерживаются; MaskLab связывает проектор с эмбеддингами слов</translation>
    </message>
    <message>
        <source>cannot open model config {1}: a model folder needs its config.json</source>
        <translation>не удаётся открыть конфигурацию модели {1}: в папке модели должен быть config.json</translation>
    </message>
    <message>
        <source>unknown model size {1}: choose tiny, mini, small, distilbert, bert-base or a config.json</source>
        <translation>неизвестный размер модели {1}: выберите tiny, mini, small, distilbert, bert-base или config.json</translation>
    </message>
    <message>
        <source>its zip directory is truncated</source>
        <translation>его каталог zip обрезан</translation>
    </message>
    <message>
        <source>its zip directory is missing (is the file truncated?)</source>
        <translation>у него нет каталога zip (файл обрезан?)</translation>
    </message>
    <message>
        <source>its zip64 directory is damaged</source>
        <translation>его каталог zip64 повреждён</translation>
    </message>
    <message>
        <source>its zip directory is damaged</source>
        <translation>его каталог zip повреждён</translation>
    </message>
    <message>
        <source>record {1} is compressed, which torch.save never does</source>
        <translation>запись {1} сжата, а torch.save никогда не сжимает</translation>
    </message>
    <message>
        <source>record {1} has a damaged local header</source>
        <translation>у записи {1} повреждён локальный заголовок</translation>
    </message>
    <message>
        <source>record {1} runs past the end (is the file truncated?)</source>
        <translation>запись {1} выходит за конец файла (файл обрезан?)</translation>
    </message>
    <message>
        <source>test size must not be negative</source>
        <translation>размер тестовой части не может быть отрицательным</translation>
    </message>
    <message>
        <source>train size must not be negative</source>
        <translation>размер обучающей части не может быть отрицательным</translation>
    </message>
    <message>
        <source>test size must be a whole number of documents or a fraction below 1</source>
        <translation>размер тестовой части должен быть целым числом документов или долей меньше 1</translation>
    </message>
    <message>
        <source>train size must be a whole number of documents or a fraction below 1</source>
        <translation>размер обучающей части должен быть целым числом документов или долей меньше 1</translation>
    </message>
    <message>
        <source>masking probability must lie between 0 and 1 (the course uses 0.15, or 0.2 for whole words)</source>
        <translation>вероятность маскирования должна быть от 0 до 1 (в курсе 0,15, или 0,2 для целых слов)</translation>
    </message>
    <message>
        <source>the [MASK] and random shares must be between 0 and 1 and add up to at most 1 (course: 0.8 and 0.1)</source>
        <translation>доли [MASK] и случайных токенов должны быть от 0 до 1, а в сумме не больше 1 (в курсе: 0,8 и 0,1)</translation>
    </message>
    <message>
        <source>chunk size must be positive (the course uses 128)</source>
        <translation>размер фрагмента должен быть положительным (в курсе 128)</translation>
    </message>
    <message>
        <source>group size must be 0 (whole corpus) or a number of documents</source>
        <translation>размер группы должен быть 0 (весь корпус) или числом документов</translation>
    </message>
    <message>
        <source>SentencePiece {1}, {2} tokens</source>
        <translation>SentencePiece {1}, словарь из {2} токенов</translation>
    </message>
    <message>
        <source>SentencePiece {1}, {2} tokens, {3}</source>
        <translation>SentencePiece {1}, словарь из {2} токенов, {3}</translation>
    </message>
    <message>
        <source>WordPiece, {1} tokens, uncased</source>
        <translation>WordPiece, словарь из {1} токенов, без учёта регистра</translation>
    </message>
    <message>
        <source>WordPiece, {1} tokens, cased</source>
        <translation>WordPiece, словарь из {1} токенов, с учётом регистра</translation>
    </message>
    <message>
        <source>{1} must be above 0 and below 1</source>
        <translation>{1} должно быть больше 0 и меньше 1</translation>
    </message>
</context>
<context>
    <name>MaskOutcomeStyle</name>
    <message>
        <source>[MASK]</source>
        <translation>[MASK]</translation>
    </message>
    <message>
        <source>random token</source>
        <translation>случайный токен</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>оставлен</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>не выбран</translation>
    </message>
    <message>
        <source>Chosen and replaced by [MASK]; the model must predict the original token.</source>
        <translation>Выбран и заменён на [MASK]; модель должна предсказать исходный токен.</translation>
    </message>
    <message>
        <source>Chosen and replaced by a random vocabulary token; the model must still predict the original.</source>
        <translation>Выбран и заменён случайным токеном из словаря; модель всё равно должна предсказать исходный.</translation>
    </message>
    <message>
        <source>Chosen but left as it was; the model must still predict it.</source>
        <translation>Выбран, но оставлен как есть; модель всё равно должна его предсказать.</translation>
    </message>
    <message>
        <source>Not chosen: the loss ignores this position (label -100).</source>
        <translation>Не выбран: функция потерь не учитывает эту позицию (метка -100).</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <source>A save_pretrained folder or Hub repo id to adapt; empty to train a new model</source>
        <translation>Папка save_pretrained или id репозитория на Hub для адаптации; пусто — обучить новую модель</translation>
    </message>
    <message>
        <source>Size of a new model: tiny, mini, small, distilbert, bert-base or a config.json; empty to adapt the model folder</source>
        <translation>Размер новой модели: tiny, mini, small, distilbert, bert-base или файл config.json; пусто — адаптировать модель из папки</translation>
    </message>
    <message>
        <source>For a new model: tokenizer.json, vocab.txt or a SentencePiece .model; empty builds a WordPiece vocabulary from the corpus</source>
        <translation>Для новой модели: tokenizer.json, vocab.txt или файл .model SentencePiece; пусто — построить словарь WordPiece по корпусу</translation>
    </message>
    <message>
        <source>Most entries of the vocabulary built from the corpus (fewer when the corpus has fewer distinct pieces)</source>
        <translation>Наибольший размер словаря, строимого по корпусу (меньше, если в корпусе меньше разных частей слов)</translation>
    </message>
    <message>
        <source>An aclImdb folder or tarball, a JSONL, CSV or plain text file</source>
        <translation>Папка или архив aclImdb, файл JSONL, CSV или простой текст</translation>
    </message>
    <message>
        <source>The aclImdb split to read: train, test or unsup</source>
        <translation>Какую часть aclImdb читать: train, test или unsup</translation>
    </message>
    <message>
        <source>The JSONL or CSV column that holds the text</source>
        <translation>Столбец JSONL или CSV, в котором лежит текст</translation>
    </message>
    <message>
        <source>Tokens per chunk (the course: 128)</source>
        <translation>Токенов во фрагменте (в курсе: 128)</translation>
    </message>
    <message>
        <source>Documents joined before cutting into chunks (the course: 1,000); 0 = the whole corpus</source>
        <translation>Сколько документов склеивается перед нарезкой на фрагменты (в курсе: 1 000); 0 — весь корпус</translation>
    </message>
    <message>
        <source>Chunks for training: a count, or a fraction when below 1</source>
        <translation>Фрагменты для обучения: количество или доля, если меньше 1</translation>
    </message>
    <message>
        <source>Chunks for evaluation: a count, or a fraction when below 1</source>
        <translation>Фрагменты для оценки: количество или доля, если меньше 1</translation>
    </message>
    <message>
        <source>Seed of the train/test split of the chunks</source>
        <translation>Зерно разбиения фрагментов на обучающие и тестовые</translation>
    </message>
    <message>
        <source>Mask whole words instead of single tokens</source>
        <translation>Маскировать целые слова, а не отдельные токены</translation>
    </message>
    <message>
        <source>Share of tokens chosen for masking (the course: 0.15)</source>
        <translation>Доля токенов, выбираемых для маскирования (в курсе: 0,15)</translation>
    </message>
    <message>
        <source>Share of words chosen for whole-word masking (the course: 0.2)</source>
        <translation>Доля слов, выбираемых при маскировании целых слов (в курсе: 0,2)</translation>
    </message>
    <message>
        <source>Of the chosen tokens, the share replaced by [MASK] (0.8)</source>
        <translation>Доля выбранных токенов, заменяемых на [MASK] (0,8)</translation>
    </message>
    <message>
        <source>Of the chosen tokens, the share replaced by a random token (0.1); the rest stay</source>
        <translation>Доля выбранных токенов, заменяемых случайным токеном (0,1); остальные не меняются</translation>
    </message>
    <message>
        <source>The evaluation chunks are masked once with this seed, so perplexity does not jitter</source>
        <translation>Оценочные фрагменты маскируются один раз с этим зерном, поэтому перплексия не скачет</translation>
    </message>
    <message>
        <source>Peak learning rate of AdamW (the course: 2e-5)</source>
        <translation>Пиковая скорость обучения AdamW (в курсе: 2e-5)</translation>
    </message>
    <message>
        <source>AdamW&apos;s decoupled weight decay; none on biases and LayerNorm weights</source>
        <translation>Раздельное затухание весов AdamW; смещения и веса LayerNorm не затухают</translation>
    </message>
    <message>
        <source>AdamW&apos;s decay of the gradient average (0.9)</source>
        <translation>Коэффициент затухания среднего градиента в AdamW (0,9)</translation>
    </message>
    <message>
        <source>AdamW&apos;s decay of the squared-gradient average (0.999)</source>
        <translation>Коэффициент затухания среднего квадрата градиента в AdamW (0,999)</translation>
    </message>
    <message>
        <source>AdamW&apos;s epsilon in the denominator (1e-8)</source>
        <translation>Эпсилон в знаменателе AdamW (1e-8)</translation>
    </message>
    <message>
        <source>Chunks per optimizer step, before accumulation (the course: 64)</source>
        <translation>Фрагментов на шаг оптимизатора до накопления (в курсе: 64)</translation>
    </message>
    <message>
        <source>Passes over the training chunks (the course: 3)</source>
        <translation>Проходов по обучающим фрагментам (в курсе: 3)</translation>
    </message>
    <message>
        <source>Steps of linear warmup before the linear decay to 0</source>
        <translation>Шаги линейного разогрева перед линейным спадом до 0</translation>
    </message>
    <message>
        <source>Gradient clipping norm; 0 = off</source>
        <translation>Порог нормы при обрезке градиента; 0 — без обрезки</translation>
    </message>
    <message>
        <source>Seed of a new model&apos;s weights, the shuffling, the masks and dropout</source>
        <translation>Зерно для весов новой модели, перемешивания, масок и dropout</translation>
    </message>
    <message>
        <source>Evaluate every N optimizer steps; 0 = after every epoch</source>
        <translation>Оценивать каждые N шагов оптимизатора; 0 — после каждой эпохи</translation>
    </message>
    <message>
        <source>Measure the starting model&apos;s perplexity before the first step</source>
        <translation>Измерить перплексию исходной модели до первого шага</translation>
    </message>
    <message>
        <source>Chunks per evaluation batch</source>
        <translation>Фрагментов в батче при оценке</translation>
    </message>
    <message>
        <source>Steps between the loss lines of metrics.jsonl</source>
        <translation>Шагов между строками потерь в metrics.jsonl</translation>
    </message>
    <message>
        <source>auto (CUDA when present), cpu, cuda or cuda:N</source>
        <translation>auto (CUDA, если есть), cpu, cuda или cuda:N</translation>
    </message>
    <message>
        <source>auto, fp32, bf16 or fp16 (fp16 on CUDA only)</source>
        <translation>auto, fp32, bf16 или fp16 (fp16 только на CUDA)</translation>
    </message>
    <message>
        <source>CPU threads; 0 = every core</source>
        <translation>Потоки CPU; 0 — все ядра</translation>
    </message>
    <message>
        <source>The run folder: settings, metrics, checkpoints and the training state</source>
        <translation>Папка запуска: настройки, метрики, контрольные точки и состояние обучения</translation>
    </message>
    <message>
        <source>A save_pretrained checkpoint after every epoch (the last one is always written)</source>
        <translation>Контрольная точка save_pretrained после каждой эпохи (последняя записывается всегда)</translation>
    </message>
    <message>
        <source>choose a model folder, or a size for a new model</source>
        <translation>выберите папку модели или размер новой модели</translation>
    </message>
    <message>
        <source>leave empty to adapt the model folder, or clear the model folder</source>
        <translation>оставьте пустым, чтобы адаптировать модель из папки, или очистите папку модели</translation>
    </message>
    <message>
        <source>choose an aclImdb folder or tarball, a JSONL, CSV or text file</source>
        <translation>выберите папку или архив aclImdb, файл JSONL, CSV или текстовый</translation>
    </message>
    <message>
        <source>must be positive</source>
        <translation>должно быть больше нуля</translation>
    </message>
    <message>
        <source>must be 0 or positive</source>
        <translation>должно быть 0 или больше</translation>
    </message>
    <message>
        <source>must be positive: evaluation measures perplexity on these chunks</source>
        <translation>должно быть больше нуля: на этих фрагментах измеряется перплексия</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>не может быть отрицательным</translation>
    </message>
    <message>
        <source>with the [MASK] share, must add up to at most 1</source>
        <translation>вместе с долей [MASK] должно давать не больше 1</translation>
    </message>
    <message>
        <source>must be at least 0 and below 1</source>
        <translation>должно быть не меньше 0 и меньше 1</translation>
    </message>
    <message>
        <source>must be auto, fp32, bf16 or fp16</source>
        <translation>допустимы auto, fp32, bf16 или fp16</translation>
    </message>
    <message>
        <source>choose a folder for the run</source>
        <translation>выберите папку для запуска</translation>
    </message>
    <message>
        <source>must be at least 0 and below 1, or -1 for the model&apos;s own</source>
        <translation>должно быть не меньше 0 и меньше 1 или -1, чтобы оставить значение модели</translation>
    </message>
    <message>
        <source>Hidden dropout for this run, from 0 to below 1; -1 keeps the model&apos;s own (0 makes runs comparable exactly)</source>
        <translation>Dropout скрытых слоёв для этого запуска, от 0 до значения меньше 1; -1 оставляет значение модели (0 делает запуски точно сравнимыми)</translation>
    </message>
    <message>
        <source>Dropout on attention weights for this run; -1 keeps the model&apos;s own</source>
        <translation>Dropout весов внимания для этого запуска; -1 оставляет значение модели</translation>
    </message>
    <message>
        <source>Micro-batches in one optimizer step; its loss is the mean over all their masked tokens</source>
        <translation>Микробатчей в одном шаге оптимизатора; потеря шага — среднее по всем их замаскированным токенам</translation>
    </message>
    <message>
        <source>Also save the resumable state every N steps, so a crash loses at most N; 0 = at epochs and stops only</source>
        <translation>Сохранять состояние для продолжения ещё и каждые N шагов, чтобы сбой стоил не больше N шагов; 0 — только по эпохам и при остановке</translation>
    </message>
    <message>
        <source>must be from 1 to 4096</source>
        <translation>должно быть от 1 до 4096</translation>
    </message>
    <message>
        <source>Runs of several processes: megabytes of gradients per all-reduce, sent while backward still runs (25)</source>
        <translation>Обучение в нескольких процессах: мегабайт градиентов на один all-reduce, отправляемый ещё во время обратного прохода (25)</translation>
    </message>
    <message>
        <source>Runs of several processes: seconds to wait for the others before naming the one that stopped and exiting</source>
        <translation>Обучение в нескольких процессах: сколько секунд ждать остальных, прежде чем назвать остановившийся процесс и завершиться</translation>
    </message>
    <message>
        <source>must be above 0 and below 1</source>
        <translation>должно быть больше 0 и меньше 1</translation>
    </message>
</context>
<context>
    <name>masklab::ui::ChartsPanel</name>
    <message>
        <source>Add run…</source>
        <translation>Добавить запуск…</translation>
    </message>
    <message>
        <source>Overlay a finished run folder (one with metrics.jsonl)</source>
        <translation>Наложить на графики завершённый запуск из его папки (с файлом metrics.jsonl)</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Сглаживание</translation>
    </message>
    <message>
        <source>Weight of the moving average drawn over the raw loss (0 = no smoothing)</source>
        <translation>Вес скользящего среднего, которое рисуется поверх исходных потерь (0 = без сглаживания)</translation>
    </message>
    <message>
        <source>Log perplexity</source>
        <translation>Логарифмическая перплексия</translation>
    </message>
    <message>
        <source>Logarithmic perplexity axis: early and late evaluations both stay readable</source>
        <translation>Логарифмическая ось перплексии: хорошо читаются и ранние, и поздние оценки</translation>
    </message>
    <message>
        <source>Export charts as PNG</source>
        <translation>Экспорт графиков в PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>Export charts as SVG</source>
        <translation>Экспорт графиков в SVG</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Рисунки SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export metrics as CSV</source>
        <translation>Экспорт метрик в CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Потери при обучении</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Потери</translation>
    </message>
    <message>
        <source>Evaluation perplexity</source>
        <translation>Перплексия при оценке</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Перплексия</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Скорость обучения</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Производительность</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>Токенов в секунду</translation>
    </message>
    <message>
        <source>Optimizer step</source>
        <translation>Шаг оптимизатора</translation>
    </message>
    <message>
        <source>Current run</source>
        <translation>Текущий запуск</translation>
    </message>
    <message>
        <source>Added run %1: %2 steps, %3 evaluations</source>
        <translation>Добавлен запуск %1: шагов — %2, оценок — %3</translation>
    </message>
    <message>
        <source>Cannot write %1. Check that the folder exists and that you may write there, or choose another file.</source>
        <translation>Не удаётся записать %1. Проверьте, что папка существует и у вас есть права на запись в неё, или выберите другой файл.</translation>
    </message>
    <message>
        <source>MaskLab training charts</source>
        <translation>Графики обучения MaskLab</translation>
    </message>
    <message>
        <source>Cannot write %1 (%2). Check that the folder exists and that you may write there, or choose another file.</source>
        <translation>Не удаётся записать %1 (%2). Проверьте, что папка существует и у вас есть права на запись в неё, или выберите другой файл.</translation>
    </message>
    <message>
        <source>Add a run folder (one that holds metrics.jsonl)</source>
        <translation>Добавить папку запуска (с файлом metrics.jsonl)</translation>
    </message>
    <message>
        <source>Cannot add run</source>
        <translation>Не удаётся добавить запуск</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Экспортировано в %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ошибка экспорта</translation>
    </message>
    <message>
        <source>Remove hidden</source>
        <translation>Убрать скрытые</translation>
    </message>
    <message>
        <source>Take the unticked runs off the list (their folders stay on disk)</source>
        <translation>Убрать из списка запуски без галочки (их папки остаются на диске)</translation>
    </message>
    <message>
        <source>Hidden runs removed from the charts</source>
        <translation>Скрытые запуски убраны с графиков</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Save the charts as PNG or SVG, or the metrics as CSV</source>
        <translation>Сохранить графики в PNG или SVG либо метрики в CSV</translation>
    </message>
    <message>
        <source>Charts as PNG…</source>
        <translation>Графики в PNG…</translation>
    </message>
    <message>
        <source>Charts as SVG…</source>
        <translation>Графики в SVG…</translation>
    </message>
    <message>
        <source>Metrics of every run as CSV…</source>
        <translation>Метрики всех запусков в CSV…</translation>
    </message>
    <message>
        <source>%1 · step %2: %3</source>
        <translation>%1 · шаг %2: %3</translation>
    </message>
</context>
<context>
    <name>masklab::ui::ChunkListModel</name>
    <message>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>%1 · review %2 · %3 · %4…</source>
        <translation>%1 · рецензия %2 · %3 · %4…</translation>
    </message>
</context>
<context>
    <name>masklab::ui::ChunksPanel</name>
    <message>
        <source>Tokens per chunk (the course uses 128; DistilBERT allows 512)</source>
        <translation>Токенов во фрагменте (в курсе — 128; DistilBERT допускает до 512)</translation>
    </message>
    <message>
        <source>Groups of 1,000 documents (the course&apos;s batched map)</source>
        <translation>Группы по 1&#xa0;000 документов (пакетный map, как в курсе)</translation>
    </message>
    <message>
        <source>The whole corpus as one stream</source>
        <translation>Весь корпус одним потоком</translation>
    </message>
    <message>
        <source>Chunk size:</source>
        <translation>Размер фрагмента:</translation>
    </message>
    <message>
        <source>Grouping:</source>
        <translation>Группировка:</translation>
    </message>
    <message>
        <source>Groups of %1 documents</source>
        <translation>Группы документов по %1</translation>
    </message>
    <message>
        <source>%1 documents, %2 tokens → &lt;b&gt;%3 chunks&lt;/b&gt; of %4 tokens. Dropped tail: %5 tokens (%6%), cut from the end of each group as the course&apos;s group_texts does.</source>
        <translation>Документов: %1, токенов: %2 → &lt;b&gt;фрагментов: %3&lt;/b&gt; по %4 токенов. Отброшенный остаток — токенов: %5 (%6%); он отрезается с конца каждой группы, как это делает group_texts в курсе.</translation>
    </message>
    <message>
        <source>The corpus is shorter than one chunk: choose a smaller chunk size or add text.</source>
        <translation>Корпус короче одного фрагмента: выберите меньший размер фрагмента или добавьте текст.</translation>
    </message>
    <message numerus="yes">
        <source>Chunk %1 starts in review %2 (%3) and crosses %n review seam(s). Its labels are its input ids: the model learns to predict the tokens masking hides. %4</source>
        <translation>
            <numerusform>Фрагмент %1 начинается в рецензии %2 (%3) и пересекает %n стык рецензий. Его метки — это его input ids: модель учится предсказывать токены, скрытые маскированием. %4</numerusform>
            <numerusform>Фрагмент %1 начинается в рецензии %2 (%3) и пересекает %n стыка рецензий. Его метки — это его input ids: модель учится предсказывать токены, скрытые маскированием. %4</numerusform>
            <numerusform>Фрагмент %1 начинается в рецензии %2 (%3) и пересекает %n стыков рецензий. Его метки — это его input ids: модель учится предсказывать токены, скрытые маскированием. %4</numerusform>
        </translation>
    </message>
    <message>
        <source>It is in the training split.</source>
        <translation>Он входит в обучающую выборку.</translation>
    </message>
    <message>
        <source>It is in the evaluation split.</source>
        <translation>Он входит в оценочную выборку.</translation>
    </message>
    <message>
        <source>Downsampling left it out.</source>
        <translation>Он не попал в уменьшенную выборку.</translation>
    </message>
</context>
<context>
    <name>masklab::ui::CoursePanel</name>
    <message>
        <source>Open the full IMDb…</source>
        <translation>Открыть полный IMDb…</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Следующий шаг</translation>
    </message>
    <message>
        <source>Open the reviews</source>
        <translation>Откройте рецензии</translation>
    </message>
    <message>
        <source>Look at the data</source>
        <translation>Посмотрите на данные</translation>
    </message>
    <message>
        <source>Tokenize and group into chunks</source>
        <translation>Токенизируйте и сгруппируйте во фрагменты</translation>
    </message>
    <message>
        <source>Mask tokens</source>
        <translation>Замаскируйте токены</translation>
    </message>
    <message>
        <source>Downsample for a quick run</source>
        <translation>Уменьшите выборку для быстрого запуска</translation>
    </message>
    <message>
        <source>The model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Обучите</translation>
    </message>
    <message>
        <source>Watch loss and perplexity</source>
        <translation>Следите за потерями и перплексией</translation>
    </message>
    <message>
        <source>Ask the adapted model</source>
        <translation>Спросите адаптированную модель</translation>
    </message>
    <message>
        <source>&lt;p&gt;The Dataset panel lists every review with its label, rating and length in tokens. Search it, filter by label, and read the histogram: many reviews are longer than the model&apos;s 512 positions, which is why the course does not truncate them but concatenates and cuts.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Панель «Данные» показывает каждую рецензию с её меткой, оценкой и длиной в токенах. Ищите по списку, фильтруйте по метке и изучите гистограмму: многие рецензии длиннее 512 позиций модели, поэтому в курсе их не усекают, а склеивают и нарезают на фрагменты.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;group_texts&lt;/b&gt; joins the tokenized reviews ([CLS] … [SEP] each) and cuts the stream into chunks of 128 tokens; the tail of each group of 1,000 reviews that does not fill a chunk is dropped. A chunk&apos;s labels are a copy of its input ids.&lt;/p&gt;&lt;p&gt;In the Chunks panel, pieces of one word (##) are drawn joined and review seams [SEP] [CLS] are marked. The course gets 61,289 training chunks from IMDb.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;group_texts&lt;/b&gt; склеивает токенизированные рецензии (каждая — [CLS] … [SEP]) и нарезает получившийся поток на фрагменты по 128 токенов; остаток каждой группы из 1&#xa0;000 рецензий, которого не хватает на целый фрагмент, отбрасывается. Метки фрагмента — это копия его input ids.&lt;/p&gt;&lt;p&gt;На панели «Фрагменты» части одного слова (##) показаны слитно, а стыки рецензий [SEP] [CLS] отмечены. В курсе из IMDb получается 61&#xa0;289 обучающих фрагментов.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The data collator chooses 15% of the tokens; 80% of those become [MASK], 10% a random token, 10% stay. The model is scored only on the chosen positions. Whole-word masking chooses whole words (20%) and masks all their pieces.&lt;/p&gt;&lt;p&gt;Move the sliders and re-roll: the shares measured over thousands of chunks stay on their targets.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Коллатор данных выбирает 15% токенов; 80% из них заменяются на [MASK], 10% — на случайный токен, а 10% остаются без изменений. Модель оценивается только по выбранным позициям. Маскирование целых слов выбирает целые слова (20%) и маскирует все их части.&lt;/p&gt;&lt;p&gt;Двигайте ползунки и перебрасывайте маски: доли, измеренные на тысячах фрагментов, держатся на заданных значениях.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The course trains on 10,000 chunks and evaluates on 1,000 (train_test_split with seed 42). The evaluation chunks are masked once, so perplexity does not jitter between evaluations. Set the sizes in the Dataset panel.&lt;/p&gt;</source>
        <translation>&lt;p&gt;В курсе модель обучается на 10&#xa0;000 фрагментов и оценивается на 1&#xa0;000 (train_test_split с зерном 42). Оценочные фрагменты маскируются один раз, поэтому перплексия не скачет от оценки к оценке. Размеры задаются на панели «Данные».&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;AdamW with a linear schedule, weight decay on weights but not on biases and LayerNorm, gradient clipping at 1.0; perplexity is measured before training and after each epoch. Start the run: the window stays usable, Pause and Stop keep a checkpoint, Resume continues it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;AdamW с линейным расписанием скорости обучения, затухание весов (weight decay) для весов, но не для смещений и LayerNorm, ограничение нормы градиента на уровне 1,0; перплексия измеряется до обучения и после каждой эпохи. Начните запуск: окном можно пользоваться и во время обучения, «Пауза» и «Стоп» сохраняют контрольную точку, «Возобновить» продолжает с неё.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Use the built-in demo</source>
        <translation>Использовать встроенное демо</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Начать обучение</translation>
    </message>
    <message>
        <source>Open Fill-mask</source>
        <translation>Открыть «Заполнение маски»</translation>
    </message>
    <message>
        <source>Show me</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>An aclImdb folder or aclImdb_v1.tar.gz that is already on this computer</source>
        <translation>Папка aclImdb или aclImdb_v1.tar.gz, которые уже есть на этом компьютере</translation>
    </message>
    <message>
        <source>Get IMDb</source>
        <translation>Скачать IMDb</translation>
    </message>
    <message>
        <source>Download aclImdb_v1.tar.gz (84 MB) from Stanford into MaskLab&apos;s cache, then open it</source>
        <translation>Скачать aclImdb_v1.tar.gz (84 МБ) со Стэнфорда в кэш MaskLab и открыть</translation>
    </message>
    <message>
        <source>Get distilbert-base-uncased</source>
        <translation>Скачать distilbert-base-uncased</translation>
    </message>
    <message>
        <source>Download the course&apos;s model from the Hugging Face Hub (268 MB) and adapt it</source>
        <translation>Скачать модель курса с Hugging Face Hub (268 МБ) и адаптировать её</translation>
    </message>
    <message>
        <source>Checking the network…</source>
        <translation>Проверяем сеть…</translation>
    </message>
    <message>
        <source>Online: “Get IMDb” and “Get distilbert-base-uncased” download the course&apos;s data and model (from Stanford and %1); the built-in demo needs no network.</source>
        <translation>Сеть есть: «Скачать IMDb» и «Скачать distilbert-base-uncased» загрузят данные и модель курса (со Стэнфорда и с %1); встроенному демо сеть не нужна.</translation>
    </message>
    <message>
        <source>Offline (%1 cannot be reached): use the built-in demo, which needs no network. “Get IMDb” and “Get distilbert-base-uncased” need one.</source>
        <translation>Нет сети (%1 недоступен): используйте встроенное демо, ему сеть не нужна. «Скачать IMDb» и «Скачать distilbert-base-uncased» требуют сети.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Domain adaptation fine-tunes a masked language model on text from your domain, here movie reviews, so it predicts that domain&apos;s words. The course uses IMDb: 25,000 training reviews, 25,000 test reviews and 50,000 unlabelled ones.&lt;/p&gt;&lt;p&gt;MaskLab ships 248 short reviews so this works offline at once. To follow the course at full size, Get IMDb downloads it (84 MB), or open an aclImdb folder or tarball you already have.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Адаптация к домену — это дообучение маскированной языковой модели на текстах из вашей предметной области (здесь это рецензии на фильмы), чтобы она предсказывала слова, характерные для этого домена. В курсе используется IMDb: 25&#xa0;000 обучающих рецензий, 25&#xa0;000 тестовых и 50&#xa0;000 без разметки.&lt;/p&gt;&lt;p&gt;В MaskLab встроено 248 коротких рецензий, так что всё работает сразу и без сети. Чтобы пройти курс в полном объёме, «Скачать IMDb» загрузит его (84 МБ), или откройте уже имеющиеся папку aclImdb или её архив.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The course adapts distilbert-base-uncased: 6 layers, 66,985,530 parameters, pretrained on books and Wikipedia. Get it from the Hugging Face Hub (268 MB, kept in the cache Python shares), give a folder or a repo id in the Project panel, or train a new model from scratch.&lt;/p&gt;&lt;p&gt;The demo adapts MaskLab&apos;s own small DistilBERT instead: 4 layers of 128 (4,812,986 parameters, 10 MB), pretrained with MaskLab on 20 public-domain novels, with the same bert-base-uncased tokenizer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;В курсе адаптируется distilbert-base-uncased: 6 слоёв, 66&#xa0;985&#xa0;530 параметров, предобучена на книгах и Википедии. Скачайте её с Hugging Face Hub (268 МБ, хранится в кэше, общем с Python), укажите папку или репозиторий на панели «Проект» или обучите новую модель с нуля.&lt;/p&gt;&lt;p&gt;Демо адаптирует вместо неё собственную небольшую DistilBERT от MaskLab: 4 слоя по 128 (4&#xa0;812&#xa0;986 параметров, 10 МБ), предобученную в MaskLab на 20 романах из общественного достояния, с тем же токенизатором bert-base-uncased.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Perplexity is exp(mean cross entropy) on the masked evaluation chunks. The course goes from about 21.75 to 11.3 with DistilBERT; the demo&apos;s small model starts near 290 on the reviews and falls to about 60 in two minutes on a CPU. Zoom and pan the charts, compare runs, export PNG, SVG or CSV.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Перплексия — это exp(средняя перекрёстная энтропия) на замаскированных оценочных фрагментах. В курсе с DistilBERT она снижается примерно с 21,75 до 11,3; у небольшой демо-модели на отзывах она начинается около 290 и за две минуты на CPU опускается примерно до 60. Масштабируйте и прокручивайте графики, сравнивайте запуски, экспортируйте их в PNG, SVG или CSV.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Ask both models to fill “This is a great [MASK].” Before adaptation DistilBERT answers deal, success, adventure; after it, movie, film, story. The demo&apos;s model moves the same way, from thing, man, deal to film, movie, story. The probes below the charts were re-scored at every evaluation, so you can see when the answer shifted.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Попросите обе модели заполнить «This is a great [MASK].» До адаптации DistilBERT отвечает deal, success, adventure, а после неё — movie, film, story. Демо-модель сдвигается так же: от thing, man, deal к film, movie, story. Пробы под графиками пересчитывались при каждой оценке, так что видно, когда ответ изменился.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>masklab::ui::DataWorker</name>
    <message>
        <source>Building a vocabulary</source>
        <translation>Построение словаря</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Открытие %1</translation>
    </message>
    <message numerus="yes">
        <source>Tokenizing %n documents</source>
        <translation>
            <numerusform>Токенизация: %n документ</numerusform>
            <numerusform>Токенизация: %n документа</numerusform>
            <numerusform>Токенизация: %n документов</numerusform>
        </translation>
    </message>
    <message>
        <source>Grouping texts into chunks</source>
        <translation>Группировка текстов во фрагменты</translation>
    </message>
    <message>
        <source>Masking</source>
        <translation>Маскирование</translation>
    </message>
</context>
<context>
    <name>masklab::ui::DatasetPanel</name>
    <message>
        <source>Open corpus</source>
        <translation>Открыть корпус</translation>
    </message>
    <message>
        <source>aclImdb folder…</source>
        <translation>Папка aclImdb…</translation>
    </message>
    <message>
        <source>File (IMDb tarball, JSONL, CSV, text)…</source>
        <translation>Файл (архив IMDb, JSONL, CSV, текст)…</translation>
    </message>
    <message>
        <source>The built-in demo reviews</source>
        <translation>Встроенные демо-рецензии</translation>
    </message>
    <message>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>unsup</source>
        <translation>unsup</translation>
    </message>
    <message>
        <source>The aclImdb split to read (the course chunks the train split)</source>
        <translation>Какую часть aclImdb читать (в курсе на фрагменты нарезается часть train)</translation>
    </message>
    <message>
        <source>JSONL key or CSV column holding the text</source>
        <translation>Ключ JSONL или столбец CSV, в котором хранится текст</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Часть:</translation>
    </message>
    <message>
        <source>Text field:</source>
        <translation>Поле с текстом:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Search the documents…</source>
        <translation>Поиск по документам…</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Все метки</translation>
    </message>
    <message>
        <source>pos</source>
        <translation>pos</translation>
    </message>
    <message>
        <source>neg</source>
        <translation>neg</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>без метки</translation>
    </message>
    <message>
        <source>Select a document to read it whole.</source>
        <translation>Выберите документ, чтобы прочитать его целиком.</translation>
    </message>
    <message>
        <source>Chunks to keep: a count, or a fraction of all chunks when below 1 (0 = what the other side leaves)</source>
        <translation>Сколько фрагментов оставить: количество или, если меньше 1, доля от всех фрагментов (0 = всё, что оставляет другая часть)</translation>
    </message>
    <message>
        <source>Train chunks:</source>
        <translation>Обучающих фрагментов:</translation>
    </message>
    <message>
        <source>Test chunks:</source>
        <translation>Тестовых фрагментов:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Зерно:</translation>
    </message>
    <message>
        <source>Open an aclImdb folder</source>
        <translation>Открыть папку aclImdb</translation>
    </message>
    <message>
        <source>Open a corpus</source>
        <translation>Открыть корпус</translation>
    </message>
    <message>
        <source>Corpora (*.tar.gz *.tgz *.tar.xz *.txz *.tar.bz2 *.tar *.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation>Корпуса (*.tar.gz *.tgz *.tar.xz *.txz *.tar.bz2 *.tar *.jsonl *.json *.csv *.tsv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 documents (%3), %4 tokens with %5; read in %6 s, tokenized in %7 s%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Документов: %2 (%3), токенов: %4, токенизатор: %5; прочитано за %6 с, токенизировано за %7 с%8</translation>
    </message>
    <message>
        <source> (from the token cache)</source>
        <translation> (из кэша токенов)</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>Показано %1 из %2</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c0392b&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 chunks of %2 tokens → %3 for training, %4 for evaluation</source>
        <translation>Фрагментов по %2 токенов: %1 → %3 для обучения, %4 для оценки</translation>
    </message>
    <message>
        <source>%1 — label %2, rating %3, %4 tokens

%5</source>
        <translation>%1 — метка %2, оценка %3, токенов: %4

%5</translation>
    </message>
</context>
<context>
    <name>masklab::ui::DocumentTableModel</name>
    <message>
        <source>neg</source>
        <translation>neg</translation>
    </message>
    <message>
        <source>pos</source>
        <translation>pos</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Токены</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
</context>
<context>
    <name>masklab::ui::DownloadBox</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop the download; what has arrived is kept and the next download resumes it</source>
        <translation>Остановить загрузку; полученное сохранится, и следующая загрузка продолжит с того же места</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отменяем…</translation>
    </message>
    <message>
        <source>%1 is in the cache.</source>
        <translation>%1 в кэше.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Downloaded to %1.</source>
        <translation>Скачано в %1.</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>Загрузка не удалась: %1</translation>
    </message>
    <message>
        <source>Cancelled. What arrived is kept: download again to resume.</source>
        <translation>Отменено. Полученное сохранено: скачайте ещё раз, чтобы продолжить.</translation>
    </message>
    <message>
        <source>Asking for %1…</source>
        <translation>Запрашиваем %1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>, %1/s</source>
        <translation>, %1/с</translation>
    </message>
    <message>
        <source>, %1 min %2 s left</source>
        <translation>, осталось %1 мин %2 с</translation>
    </message>
    <message numerus="yes">
        <source>, %n s left</source>
        <translation>
            <numerusform>, осталась %n с</numerusform>
            <numerusform>, осталось %n с</numerusform>
            <numerusform>, осталось %n с</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masklab::ui::FillMaskChart</name>
    <message>
        <source>probability</source>
        <translation>вероятность</translation>
    </message>
</context>
<context>
    <name>masklab::ui::FillMaskPanel</name>
    <message>
        <source>A sentence with [MASK] where a word is missing</source>
        <translation>Предложение с [MASK] на месте пропущенного слова</translation>
    </message>
    <message>
        <source>Insert [MASK] at the cursor</source>
        <translation>Вставить [MASK] в позицию курсора</translation>
    </message>
    <message>
        <source>top </source>
        <translation>топ </translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Заполнить</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>Базовая модель</translation>
    </message>
    <message>
        <source>Add the text as a probe</source>
        <translation>Добавить текст как пробу</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Probes: re-scored at every evaluation of a run (top 3)</source>
        <translation>Пробы: пересчитываются при каждой оценке запуска (топ-3)</translation>
    </message>
    <message>
        <source>Waiting for the base model…</source>
        <translation>Ожидание базовой модели…</translation>
    </message>
    <message>
        <source>Train a run, or choose a checkpoint above.</source>
        <translation>Запустите обучение или выберите контрольную точку выше.</translation>
    </message>
    <message>
        <source>This checkpoint could not be loaded: %1</source>
        <translation>Не удалось загрузить эту контрольную точку: %1</translation>
    </message>
    <message>
        <source>No base model: %1</source>
        <translation>Нет базовой модели: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Base&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;Базовая&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source>The run&apos;s first evaluation will answer here.</source>
        <translation>Ответ появится здесь после первой оценки запуска.</translation>
    </message>
    <message>
        <source>Live run (answers at each evaluation)</source>
        <translation>Текущий запуск (ответы при каждой оценке)</translation>
    </message>
    <message>
        <source>Add this text as a probe before a run starts to follow it live.</source>
        <translation>Добавьте этот текст как пробу до начала запуска, чтобы следить за ним в ходе обучения.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Загрузка %1…</translation>
    </message>
    <message>
        <source>base model</source>
        <translation>базовая модель</translation>
    </message>
    <message>
        <source>%1: %2 ms</source>
        <translation>%1: %2 мс</translation>
    </message>
    <message>
        <source> · the first of %1 masks</source>
        <translation> · первая из %1 масок</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>шаг %1</translation>
    </message>
    <message>
        <source>live run, step %1 (epoch %2)</source>
        <translation>текущий запуск, шаг %1 (эпоха %2)</translation>
    </message>
    <message>
        <source>Re-score this text at every evaluation of a run; it needs [MASK] where the model should guess</source>
        <translation>Пересчитывать этот текст при каждой оценке запуска; в нём нужен [MASK] там, где модель должна угадать слово</translation>
    </message>
</context>
<context>
    <name>masklab::ui::HubWorker</name>
    <message>
        <source>“%1” is not a Hugging Face repo id: write it as name or org/name, optionally @revision</source>
        <translation>«%1» — не идентификатор репозитория Hugging Face: пишите name или org/name, можно с @revision</translation>
    </message>
</context>
<context>
    <name>masklab::ui::InferenceWorker</name>
    <message>
        <source>from %1</source>
        <translation>из %1</translation>
    </message>
    <message>
        <source>new, %1</source>
        <translation>новая, %1</translation>
    </message>
    <message>
        <source>%1 (%2), %3 parameters</source>
        <translation>%1 (%2), параметров: %3</translation>
    </message>
</context>
<context>
    <name>masklab::ui::LengthHistogram</name>
    <message>
        <source>document length (tokens)</source>
        <translation>длина документа (токены)</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>документы</translation>
    </message>
    <message>
        <source>Median %1 tokens, mean %2, longest %3. %4 documents (%5%) are longer than the model&apos;s %6 positions (dashed line): truncating would cut them, group_texts keeps every token.</source>
        <translation>Длина в токенах: медиана %1, среднее %2, максимум %3. Документов длиннее %6 позиций модели (пунктирная линия): %4 (%5%). Усечение обрезало бы их, а group_texts сохраняет каждый токен.</translation>
    </message>
</context>
<context>
    <name>masklab::ui::MainWindow</name>
    <message>
        <source>MaskLab — masked language model workbench</source>
        <translation>MaskLab — практикум по маскированным языковым моделям</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Курс</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Маски</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Fill-mask</source>
        <translation>Заполнение маски</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Графики</translation>
    </message>
    <message numerus="yes">
        <source>CPU · %n core(s)</source>
        <translation>
            <numerusform>CPU · %n ядро</numerusform>
            <numerusform>CPU · %n ядра</numerusform>
            <numerusform>CPU · %n ядер</numerusform>
        </translation>
    </message>
    <message>
        <source>GPU · %1</source>
        <translation>GPU · %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open aclImdb &amp;folder…</source>
        <translation>Открыть &amp;папку aclImdb…</translation>
    </message>
    <message>
        <source>&amp;Open corpus file…</source>
        <translation>&amp;Открыть файл корпуса…</translation>
    </message>
    <message>
        <source>Open &amp;model folder…</source>
        <translation>Открыть папку &amp;модели…</translation>
    </message>
    <message>
        <source>Load the built-in &amp;demo</source>
        <translation>Загрузить встроенное &amp;демо</translation>
    </message>
    <message>
        <source>Show the project folder</source>
        <translation>Показать папку проекта</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Reset the layout</source>
        <translation>Сбросить расположение панелей</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The language changes when MaskLab starts again. Restart now?</source>
        <translation>Язык сменится при следующем запуске MaskLab. Перезапустить сейчас?</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>The &amp;course, step by step</source>
        <translation>&amp;Курс шаг за шагом</translation>
    </message>
    <message>
        <source>&amp;About MaskLab</source>
        <translation>&amp;О программе MaskLab</translation>
    </message>
    <message>
        <source>About MaskLab</source>
        <translation>О программе MaskLab</translation>
    </message>
    <message>
        <source>&lt;b&gt;MaskLab %1&lt;/b&gt;&lt;p&gt;A workbench for adapting masked language models to a domain, after the Hugging Face course chapter “Fine-tuning a masked language model”.&lt;/p&gt;</source>
        <translation>&lt;b&gt;MaskLab %1&lt;/b&gt;&lt;p&gt;Практикум по адаптации маскированных языковых моделей к домену по мотивам главы курса Hugging Face «Дообучение маскированной языковой модели» (“Fine-tuning a masked language model”).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>MaskLab</source>
        <translation>MaskLab</translation>
    </message>
    <message>
        <source>A training is running</source>
        <translation>Идёт обучение</translation>
    </message>
    <message>
        <source>Stop the training and close? The run stops after the current step and keeps a checkpoint you can resume.</source>
        <translation>Остановить обучение и закрыть программу? Запуск остановится после текущего шага и сохранит контрольную точку, с которой его можно возобновить.</translation>
    </message>
    <message>
        <source>Stopping the training and saving a checkpoint…</source>
        <translation>Остановка обучения и сохранение контрольной точки…</translation>
    </message>
    <message>
        <source>&amp;Help for this panel</source>
        <translation>&amp;Справка по этой панели</translation>
    </message>
</context>
<context>
    <name>masklab::ui::MaskOutcomeLegend</name>
    <message>
        <source>word pieces joined</source>
        <translation>части слова слитно</translation>
    </message>
    <message>
        <source>review seam</source>
        <translation>стык рецензий</translation>
    </message>
    <message>
        <source>A WordPiece continuation (a &quot;##&quot; piece) is drawn joined to the piece before it, so a word reads as one.</source>
        <translation>Продолжение WordPiece (часть с «##») рисуется слитно с предыдущей частью, так что слово читается целиком.</translation>
    </message>
    <message>
        <source>One review ends and the next begins inside the chunk ([SEP] [CLS]).</source>
        <translation>Внутри фрагмента одна рецензия заканчивается и начинается следующая ([SEP] [CLS]).</translation>
    </message>
</context>
<context>
    <name>masklab::ui::MasksPanel</name>
    <message>
        <source>Re-roll</source>
        <translation>Перебросить</translation>
    </message>
    <message>
        <source>Draw new masks with the next seed</source>
        <translation>Выбрать новые маски со следующим зерном</translation>
    </message>
    <message>
        <source>Masking</source>
        <translation>Маскирование</translation>
    </message>
    <message>
        <source>Chosen → [MASK]:</source>
        <translation>Выбранные → [MASK]:</translation>
    </message>
    <message>
        <source>Chosen → random token:</source>
        <translation>Выбранные → случайный токен:</translation>
    </message>
    <message>
        <source>Preview seed:</source>
        <translation>Зерно предпросмотра:</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Доля</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Измеренная</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Целевая</translation>
    </message>
    <message>
        <source>Live shares:</source>
        <translation>Текущие доли:</translation>
    </message>
    <message>
        <source>The masked chunk decoded back to text, as the course prints it</source>
        <translation>Замаскированный фрагмент, декодированный обратно в текст, — так его выводит курс</translation>
    </message>
    <message>
        <source>Word probability: %1%</source>
        <translation>Вероятность для слова: %1%</translation>
    </message>
    <message>
        <source>Token probability: %1%</source>
        <translation>Вероятность для токена: %1%</translation>
    </message>
    <message>
        <source>Whole words: every chosen token becomes [MASK].</source>
        <translation>Целые слова: каждый выбранный токен становится [MASK].</translation>
    </message>
    <message>
        <source>Tokens chosen (of eligible)</source>
        <translation>Выбрано токенов (из допустимых)</translation>
    </message>
    <message>
        <source>Tokens chosen</source>
        <translation>Выбрано токенов</translation>
    </message>
    <message>
        <source>%1 of words</source>
        <translation>%1 слов</translation>
    </message>
    <message>
        <source>Chunk %1 with seed %2. Measured over %3 chunks: %4 of %5 eligible tokens chosen. Hover a coloured token to see what it was.</source>
        <translation>Фрагмент %1, зерно %2. Измерено на %3 фрагментах: выбрано %4 из %5 допустимых токенов. Наведите курсор на цветной токен, чтобы увидеть, каким он был.</translation>
    </message>
    <message>
        <source>Token masking</source>
        <translation>Маскирование токенов</translation>
    </message>
    <message>
        <source>Transformers&apos; DataCollatorForLanguageModeling: each token is chosen on its own</source>
        <translation>DataCollatorForLanguageModeling из transformers: каждый токен выбирается отдельно</translation>
    </message>
    <message>
        <source>Whole-word masking</source>
        <translation>Маскирование целых слов</translation>
    </message>
    <message>
        <source>The course&apos;s whole_word_masking_data_collator: every piece of a chosen word is masked</source>
        <translation>whole_word_masking_data_collator из курса: маскируются все части выбранного слова</translation>
    </message>
    <message>
        <source>Apply to the run</source>
        <translation>Применить к запуску</translation>
    </message>
    <message>
        <source>Train with these masking settings (they are saved with the run&apos;s settings)</source>
        <translation>Обучать с этими настройками маскирования (они сохранятся в настройках запуска)</translation>
    </message>
    <message>
        <source>Back to the run&apos;s</source>
        <translation>Вернуть настройки запуска</translation>
    </message>
    <message>
        <source>Show the run&apos;s own masking settings again</source>
        <translation>Снова показать маскирование, заданное для запуска</translation>
    </message>
    <message>
        <source>Of the chosen tokens: %1% [MASK], %2% random, %3% kept.</source>
        <translation>Из выбранных токенов: %1% [MASK], %2% случайных, %3% без изменений.</translation>
    </message>
    <message>
        <source>whole words at %1%</source>
        <translation>целые слова с вероятностью %1%</translation>
    </message>
    <message>
        <source>tokens at %1%</source>
        <translation>токены с вероятностью %1%</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview only.&lt;/b&gt; The run still masks %1. Apply to train with what the preview shows.</source>
        <translation>&lt;b&gt;Только предпросмотр.&lt;/b&gt; Запуск по-прежнему маскирует %1. Нажмите «Применить к запуску», чтобы обучать так, как показано.</translation>
    </message>
    <message>
        <source>The run&apos;s masking (%1): training uses what the preview shows.</source>
        <translation>Маскирование запуска (%1): обучение идёт так, как показано.</translation>
    </message>
</context>
<context>
    <name>masklab::ui::ProjectPanel</name>
    <message>
        <source>Project folder: %1</source>
        <translation>Папка проекта: %1</translation>
    </message>
    <message>
        <source>Train a new model from scratch</source>
        <translation>Обучить новую модель с нуля</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>empty: build a WordPiece vocabulary from the corpus</source>
        <translation>пусто: построить словарь WordPiece по корпусу</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Размер:</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>Токенизатор:</translation>
    </message>
    <message>
        <source>Built vocabulary:</source>
        <translation>Строимый словарь:</translation>
    </message>
    <message>
        <source>No model yet: open a corpus first.</source>
        <translation>Модели пока нет: сначала откройте корпус.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Блок</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>Поиск устройств…</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>config.json:</source>
        <translation>config.json:</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>Не удалось загрузить модель: %1</translation>
    </message>
    <message>
        <source>Open a model folder</source>
        <translation>Открыть папку модели</translation>
    </message>
    <message>
        <source>Choose a tokenizer</source>
        <translation>Выбрать токенизатор</translation>
    </message>
    <message>
        <source>Tokenizers (tokenizer.json vocab.txt *.model);;All files (*)</source>
        <translation>Токенизаторы (tokenizer.json vocab.txt *.model);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Tokenizer: %1</source>
        <translation>Токенизатор: %1</translation>
    </message>
    <message numerus="yes">
        <source>CPU: %n core(s) for training</source>
        <translation>
            <numerusform>CPU: %n ядро для обучения</numerusform>
            <numerusform>CPU: %n ядра для обучения</numerusform>
            <numerusform>CPU: %n ядер для обучения</numerusform>
        </translation>
    </message>
    <message>
        <source>GPU %1: %2, %3 GiB</source>
        <translation>GPU %1: %2, %3 ГиБ</translation>
    </message>
    <message>
        <source>No CUDA GPU: training runs on the CPU.</source>
        <translation>Нет GPU с CUDA: обучение идёт на CPU.</translation>
    </message>
    <message>
        <source>No CUDA GPU: %1</source>
        <translation>Нет GPU с CUDA: %1</translation>
    </message>
    <message>
        <source>Adapt a model: a folder (save_pretrained layout) or a Hugging Face repo id</source>
        <translation>Адаптировать модель: папку (формат save_pretrained) или репозиторий Hugging Face</translation>
    </message>
    <message>
        <source>a folder, or a repo id from the Hugging Face cache (org/name)</source>
        <translation>папка или репозиторий из кэша Hugging Face (org/name)</translation>
    </message>
    <message>
        <source>A folder with config.json, model.safetensors or pytorch_model.bin and the tokenizer files, or a Hugging Face repo id: taken from the cache (~/.cache/huggingface/hub, shared with Python) or downloaded</source>
        <translation>Папка с config.json, model.safetensors или pytorch_model.bin и файлами токенизатора, или репозиторий Hugging Face: берётся из кэша (~/.cache/huggingface/hub, общего с Python) или скачивается</translation>
    </message>
    <message>
        <source>distilbert-base-uncased, or org/name@revision</source>
        <translation>distilbert-base-uncased или org/name@revision</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Скачать</translation>
    </message>
    <message>
        <source>Folder or repo:</source>
        <translation>Папка или репозиторий:</translation>
    </message>
    <message>
        <source>Download from Hugging Face</source>
        <translation>Скачать с Hugging Face</translation>
    </message>
    <message>
        <source>The corpus gave %1 vocabulary entries of the %2 asked: every character it holds and every word seen at least twice are in. A larger corpus gives more.</source>
        <translation>Корпус дал %1 записей словаря из %2 запрошенных: в словарь вошли все его символы и все слова, встреченные хотя бы дважды. Корпус побольше даст больше.</translation>
    </message>
    <message>
        <source>tiny: 2 layers of 128 · mini: 4 × 256 · small: 4 × 512 · distilbert: the distilbert-base-uncased shapes · bert-base: BERT-base shapes</source>
        <translation>tiny: 2 слоя по 128 · mini: 4 × 256 · small: 4 × 512 · distilbert: размеры distilbert-base-uncased · bert-base: размеры BERT-base</translation>
    </message>
    <message>
        <source>Linear (tied to word embeddings)</source>
        <translation>Linear (веса эмбеддингов слов)</translation>
    </message>
</context>
<context>
    <name>masklab::ui::RunMetrics</name>
    <message>
        <source>Cannot read %1 (%2). Choose a run folder that holds a metrics.jsonl written by training.</source>
        <translation>Не удаётся прочитать %1 (%2). Выберите папку запуска, в которой есть файл metrics.jsonl, записанный при обучении.</translation>
    </message>
    <message>
        <source>%1, line %2, is not valid JSON (%3). Repair or delete that line.</source>
        <translation>%1, строка %2: некорректный JSON (%3). Исправьте или удалите эту строку.</translation>
    </message>
    <message>
        <source>%1, line %2, is not a JSON object. Each line must be one object such as {&quot;type&quot;:&quot;step&quot;,&quot;step&quot;:10,...}; repair or delete it.</source>
        <translation>%1, строка %2: это не объект JSON. Каждая строка должна быть одним объектом, например {&quot;type&quot;:&quot;step&quot;,&quot;step&quot;:10,...}; исправьте или удалите её.</translation>
    </message>
    <message>
        <source>%1, line %2: a &quot;%3&quot; record needs a numeric &quot;step&quot;. Repair or delete that line.</source>
        <translation>%1, строка %2: в записи &quot;%3&quot; должно быть числовое поле &quot;step&quot;. Исправьте или удалите эту строку.</translation>
    </message>
    <message>
        <source>%1, line %2: &quot;%3&quot; is not a number. Repair or delete that line.</source>
        <translation>%1, строка %2: &quot;%3&quot; — не число. Исправьте или удалите эту строку.</translation>
    </message>
</context>
<context>
    <name>masklab::ui::RunsList</name>
    <message>
        <source>Tick the runs to draw; the live run comes first</source>
        <translation>Отметьте запуски, которые нужно показать; текущий запуск — первый</translation>
    </message>
    <message>
        <source>%1 (live)</source>
        <translation>%1 (идёт)</translation>
    </message>
</context>
<context>
    <name>masklab::ui::TokenFlowView</name>
    <message>
        <source>review %1</source>
        <translation>рецензия %1</translation>
    </message>
    <message>
        <source>Position %1</source>
        <translation>Позиция %1</translation>
    </message>
    <message>
        <source>Token: %1</source>
        <translation>Токен: %1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Результат: %1</translation>
    </message>
    <message>
        <source>Original: %1</source>
        <translation>Исходный: %1</translation>
    </message>
    <message>
        <source>Padding: fills the chunk; attention and loss skip it.</source>
        <translation>Заполнитель (padding): дополняет фрагмент; механизм внимания и функция потерь его пропускают.</translation>
    </message>
    <message>
        <source>Special token added by the tokenizer.</source>
        <translation>Специальный токен, добавленный токенизатором.</translation>
    </message>
    <message>
        <source>Continues the word before it (a WordPiece &quot;##&quot; piece).</source>
        <translation>Продолжает предыдущее слово (часть WordPiece с «##»).</translation>
    </message>
    <message>
        <source>Review %1 starts here.</source>
        <translation>Здесь начинается рецензия %1.</translation>
    </message>
</context>
<context>
    <name>masklab::ui::TrainingForm</name>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Masking</source>
        <translation>Маскирование</translation>
    </message>
    <message>
        <source>Optimization (AdamW, linear schedule)</source>
        <translation>Оптимизация (AdamW, линейное расписание)</translation>
    </message>
    <message>
        <source>Evaluation and logging</source>
        <translation>Оценка и журналирование</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Папка модели</translation>
    </message>
    <message>
        <source>New model size</source>
        <translation>Размер новой модели</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Токенизатор</translation>
    </message>
    <message>
        <source>Built vocabulary size</source>
        <translation>Размер строимого словаря</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>Корпус</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Часть</translation>
    </message>
    <message>
        <source>Text field</source>
        <translation>Поле с текстом</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>Размер фрагмента</translation>
    </message>
    <message>
        <source>Group size</source>
        <translation>Размер группы</translation>
    </message>
    <message>
        <source>Train chunks</source>
        <translation>Обучающих фрагментов</translation>
    </message>
    <message>
        <source>Test chunks</source>
        <translation>Тестовых фрагментов</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>Зерно разбиения</translation>
    </message>
    <message>
        <source>Whole-word masking</source>
        <translation>Маскирование целых слов</translation>
    </message>
    <message>
        <source>Token probability</source>
        <translation>Вероятность для токена</translation>
    </message>
    <message>
        <source>Word probability</source>
        <translation>Вероятность для слова</translation>
    </message>
    <message>
        <source>[MASK] share</source>
        <translation>Доля [MASK]</translation>
    </message>
    <message>
        <source>Random share</source>
        <translation>Доля случайных</translation>
    </message>
    <message>
        <source>Evaluation mask seed</source>
        <translation>Зерно маскирования для оценки</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Скорость обучения</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Затухание весов</translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Размер батча</translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation>Накопление градиента</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Эпохи</translation>
    </message>
    <message>
        <source>Warmup steps</source>
        <translation>Шаги разогрева</translation>
    </message>
    <message>
        <source>Max gradient norm</source>
        <translation>Макс. норма градиента</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Зерно</translation>
    </message>
    <message>
        <source>Evaluate every N steps</source>
        <translation>Оценивать каждые N шагов</translation>
    </message>
    <message>
        <source>Evaluate before training</source>
        <translation>Оценивать до обучения</translation>
    </message>
    <message>
        <source>Evaluation batch size</source>
        <translation>Размер батча при оценке</translation>
    </message>
    <message>
        <source>Log every N steps</source>
        <translation>Записывать в журнал каждые N шагов</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Точность вычислений</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>Потоки CPU</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Папка запуска</translation>
    </message>
    <message>
        <source>Save every epoch</source>
        <translation>Сохранять каждую эпоху</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Дополнительные настройки</translation>
    </message>
    <message>
        <source>Setting %1 in the settings file; --%2 of masklab-cli train</source>
        <translation>Параметр %1 в файле настроек; --%2 у masklab-cli train</translation>
    </message>
    <message>
        <source>needs a value</source>
        <translation>нужно значение</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>это не число</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Several processes (masklab-cli train --nproc, torchrun)</source>
        <translation>Несколько процессов (masklab-cli train --nproc, torchrun)</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Attention dropout</source>
        <translation>Dropout внимания</translation>
    </message>
    <message>
        <source>Save the state every N steps</source>
        <translation>Сохранять состояние каждые N шагов</translation>
    </message>
    <message>
        <source>All-reduce bucket (MB)</source>
        <translation>Порция all-reduce (МБ)</translation>
    </message>
    <message>
        <source>Process timeout (s)</source>
        <translation>Ожидание процессов (с)</translation>
    </message>
</context>
<context>
    <name>masklab::ui::TrainingPanel</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Load settings…</source>
        <translation>Загрузить настройки…</translation>
    </message>
    <message>
        <source>Save settings as…</source>
        <translation>Сохранить настройки как…</translation>
    </message>
    <message>
        <source>The built-in demo</source>
        <translation>Встроенное демо</translation>
    </message>
    <message>
        <source>The course&apos;s recipe (keep data and model)</source>
        <translation>Рецепт из курса (данные и модель не меняются)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <source>Train with these settings into a new run folder of the project</source>
        <translation>Обучить с этими настройками, записав результат в новую папку запуска проекта</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Stop after this step and keep a checkpoint; the run can be resumed</source>
        <translation>Остановить после этого шага и сохранить контрольную точку; запуск можно будет возобновить</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>Возобновить…</translation>
    </message>
    <message>
        <source>Continue a stopped run from its folder</source>
        <translation>Продолжить остановленный запуск из его папки</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>шаг %v из %m</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Готов к работе.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Stopping after this step; saving a checkpoint…</source>
        <translation>Остановка после этого шага; сохранение контрольной точки…</translation>
    </message>
    <message>
        <source>Run folder: %1</source>
        <translation>Папка запуска: %1</translation>
    </message>
    <message>
        <source>Paused. Continue, or Stop to keep a checkpoint.</source>
        <translation>Пауза. Нажмите «Продолжить» или «Стоп», чтобы сохранить контрольную точку.</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n step(s). Checkpoint: %1</source>
        <translation>
            <numerusform>Завершено: %n шаг. Контрольная точка: %1</numerusform>
            <numerusform>Завершено: %n шага. Контрольная точка: %1</numerusform>
            <numerusform>Завершено: %n шагов. Контрольная точка: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped at step %1. Checkpoint: %2. Resume continues from here.</source>
        <translation>Остановлено на шаге %1. Контрольная точка: %2. «Возобновить» продолжит отсюда.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>Step %1 of %2 · epoch %3 · loss %4 · lr %5 · %6 tokens/s · ETA %7</source>
        <translation>Шаг %1 из %2 · эпоха %3 · потери %4 · lr %5 · %6 токенов/с · осталось %7</translation>
    </message>
    <message>
        <source>Perplexity %1 at step %2 (started at %3)</source>
        <translation>Перплексия %1 на шаге %2 (в начале — %3)</translation>
    </message>
    <message>
        <source>Resume a run</source>
        <translation>Возобновить запуск</translation>
    </message>
    <message>
        <source>Load run settings</source>
        <translation>Загрузить настройки запуска</translation>
    </message>
    <message>
        <source>Training settings (*.json)</source>
        <translation>Настройки обучения (*.json)</translation>
    </message>
    <message>
        <source>The settings file could not be read</source>
        <translation>Не удалось прочитать файл настроек</translation>
    </message>
    <message>
        <source>Save run settings</source>
        <translation>Сохранить настройки запуска</translation>
    </message>
    <message>
        <source>The settings could not be saved</source>
        <translation>Не удалось сохранить настройки</translation>
    </message>
    <message>
        <source>%1: %2. Choose another folder.</source>
        <translation>%1: %2. Выберите другую папку.</translation>
    </message>
    <message>
        <source>Fix the settings marked in red first</source>
        <translation>Сначала исправьте настройки, отмеченные красным</translation>
    </message>
    <message numerus="yes">
        <source>Start waits for %n setting(s): %1</source>
        <translation>
            <numerusform>Запуск ждёт исправления %n настройки: %1</numerusform>
            <numerusform>Запуск ждёт исправления %n настроек: %1</numerusform>
            <numerusform>Запуск ждёт исправления %n настроек: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masklab::ui::TrainingWorker</name>
    <message>
        <source>probes not scored: %1</source>
        <translation>пробы не оценены: %1</translation>
    </message>
</context>
<context>
    <name>masklab::ui::Workbench</name>
    <message>
        <source>The project settings could not be read; the demo settings are used instead</source>
        <translation>Не удалось прочитать настройки проекта; вместо них используются настройки демо</translation>
    </message>
    <message>
        <source>The model could not be loaded</source>
        <translation>Не удалось загрузить модель</translation>
    </message>
    <message>
        <source>The training stopped with an error</source>
        <translation>Обучение остановилось с ошибкой</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Открытие %1</translation>
    </message>
    <message>
        <source>A training is already running</source>
        <translation>Обучение уже идёт</translation>
    </message>
    <message>
        <source>Stop it, or wait until it ends, before starting another.</source>
        <translation>Остановите его или дождитесь окончания, прежде чем начинать новое.</translation>
    </message>
    <message>
        <source>The run settings cannot work</source>
        <translation>С такими настройками запуск невозможен</translation>
    </message>
    <message>
        <source>Stop it, or wait until it ends, before resuming another.</source>
        <translation>Остановите его или дождитесь окончания, прежде чем возобновлять другой запуск.</translation>
    </message>
    <message>
        <source>%1. The file was kept as %2.</source>
        <translation>%1. Файл сохранён как %2.</translation>
    </message>
    <message>
        <source>The project settings could not be saved</source>
        <translation>Не удалось сохранить настройки проекта</translation>
    </message>
    <message>
        <source>%1: %2. Check the folder&apos;s permissions and free space.</source>
        <translation>%1: %2. Проверьте права доступа к папке и свободное место.</translation>
    </message>
    <message>
        <source>This folder holds no model</source>
        <translation>В этой папке нет модели</translation>
    </message>
    <message>
        <source>%1 has no config.json. A model folder is what save_pretrained writes: config.json, model.safetensors or pytorch_model.bin, and the tokenizer&apos;s files. Choose such a folder, or a size for a new model.</source>
        <translation>В %1 нет config.json. Папка модели — это то, что пишет save_pretrained: config.json, model.safetensors или pytorch_model.bin и файлы токенизатора. Выберите такую папку или размер новой модели.</translation>
    </message>
    <message>
        <source>The built-in demo is incomplete</source>
        <translation>Встроенное демо неполно</translation>
    </message>
    <message>
        <source>A training is running</source>
        <translation>Идёт обучение</translation>
    </message>
    <message>
        <source>Stop it, or wait until it ends, before opening another model.</source>
        <translation>Остановите его или дождитесь окончания, прежде чем открывать другую модель.</translation>
    </message>
</context>
</TS>
