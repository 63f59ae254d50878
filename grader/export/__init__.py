"""Grade exports: CSV (Excel), full JSON, Gradescope results.json, Moodle grade-import CSV."""
from .csv_export import BOM, export_csv
from .gradescope import gradescope_results
from .json_export import export_json, records_from_json
from .moodle import export_moodle, fill_moodle_worksheet
from .table import ExportError, GradeTable, build_table

FORMATS = ("csv", "json", "gradescope", "moodle")

__all__ = ["BOM", "ExportError", "FORMATS", "GradeTable", "build_table", "export_csv", "export_json",
           "export_moodle", "fill_moodle_worksheet", "gradescope_results", "records_from_json"]
