"""Grade exports: Excel workbook (default), CSV for scripts, full JSON, Gradescope results.json,
Moodle grade-import CSV, Moodle grading worksheet and feedback-files zip."""
from .csv_export import BOM, export_csv
from .gradescope import gradescope_results
from .json_export import export_json, records_from_json
from .moodle import export_moodle
from .moodle_feedback import feedback_comment, feedback_files_zip
from .safe import spreadsheet_text
from .table import ExportError, GradeTable, build_table
from .worksheet import fill_moodle_worksheet
from .xlsx_export import export_xlsx

FORMATS = ("xlsx", "csv", "json", "gradescope", "moodle", "moodle-feedback")

__all__ = ["BOM", "ExportError", "FORMATS", "GradeTable", "build_table", "export_csv", "export_json",
           "export_moodle", "export_xlsx", "feedback_comment", "feedback_files_zip", "fill_moodle_worksheet",
           "gradescope_results", "records_from_json", "spreadsheet_text"]
