#include "widgets/wheel_needs_focus.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace masklab::ui {
namespace {

class WheelNeedsFocusFilter final : public QObject {
public:
    using QObject::QObject;

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Wheel) {
            if (auto* editor = qobject_cast<QWidget*>(watched); editor && !editor->hasFocus()) {
                event->ignore();  // not handled here: Qt hands it on to the scroll area
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

}  // namespace

void wheelNeedsFocus(QWidget* editor)
{
    // One filter for the whole application, owned by it.
    static auto* filter = new WheelNeedsFocusFilter(QCoreApplication::instance());
    editor->setFocusPolicy(Qt::StrongFocus);  // a click gives focus, so the wheel then works
    editor->installEventFilter(filter);
}

}  // namespace masklab::ui
