// masklab: the workbench window.
#include "main_window.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName("MaskLab");
    QApplication::setOrganizationName("MaskLab");
    masklab::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
