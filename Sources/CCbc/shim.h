// COIN-OR CBC's C interface (Debian: coinor-libcbc-dev; pkg-config cbc puts /usr/include/coin on
// the include path).
#include <Cbc_C_Interface.h>
