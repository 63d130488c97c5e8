/* cvn-report-pdf.h — a report's tables drawn page by page with Pango.
 *
 * The pager breaks a report (cvn-reports.h) into pages of a given size: the title, the
 * document's name, the date and the report's note open the first page; each section starts
 * with its heading and the table's header row, which both come back, marked "continued", at
 * the top of every page a section runs onto. Long text wraps inside its column rather than
 * running into the next; a footer on every page says "Page 3 of 7". The same pager draws a
 * PDF file and the pages of a print operation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "cvn-page.h"
#include "cvn-reports.h"

G_BEGIN_DECLS

typedef struct _CvnReportPager CvnReportPager;

/* Lays out @report on pages as @options describe them (page size, margin, document name and
 * date; a NULL date prints the report's own). Tiles and crop marks do not apply. The pager
 * keeps a pointer to @report, which must outlive it. */
CvnReportPager *cvn_report_pager_new          (const CvnReport      *report,
                                               const CvnPageOptions *options);
void            cvn_report_pager_free         (CvnReportPager       *self);
guint           cvn_report_pager_get_n_pages  (CvnReportPager       *self);
/* The widths given to the report's columns, in points (n_columns of them). */
const double   *cvn_report_pager_get_column_widths (CvnReportPager  *self);
/* The page (counting from 0) on which row @row of section @section is drawn, or -1. */
int             cvn_report_pager_find_row     (CvnReportPager       *self,
                                               guint                 section,
                                               guint                 row);
/* Draws @page onto @cr, in points with the origin at the page's top-left corner. */
void            cvn_report_pager_draw_page    (CvnReportPager       *self,
                                               cairo_t              *cr,
                                               guint                 page);

/* Writes @report as a PDF of real, selectable text to @path. */
gboolean        cvn_report_write_pdf          (const CvnReport      *report,
                                               const CvnPageOptions *options,
                                               const char           *path,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvnReportPager, cvn_report_pager_free)

G_END_DECLS
