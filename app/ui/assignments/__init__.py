"""Widgets of the 包保分配 page: the staff table and dialog, the case-coverage table, and the
dialog that hands a retired staff member's cases to someone else."""
