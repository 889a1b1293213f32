// masklab-cli: the headless front end of the core.
#include <cstdio>
int main() { std::puts("masklab-cli"); return 0; }
