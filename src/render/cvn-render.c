/* placeholder */
#define G_LOG_DOMAIN "cvn-render"
#include "config.h"
#include <cairo.h>
int cvn_render_placeholder (void);
int cvn_render_placeholder (void) { return 0; }
