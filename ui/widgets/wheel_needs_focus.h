#pragma once
// Editors inside a scrolling page (the training form, the dataset's split sizes) would change
// their value under a wheel meant for the page: Epochs went from 30 to 24 that way. Once guarded,
// an editor takes the wheel only after it was clicked or tabbed into; until then the wheel
// scrolls the page.
class QWidget;

namespace masklab::ui {

void wheelNeedsFocus(QWidget* editor);

}  // namespace masklab::ui
