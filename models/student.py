"""The institution's own students, as staff import them: identity, INE and results (Cursus Interne)."""

from datetime import date

from sqlmodel import Field, SQLModel


class Student(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    student_number: str = Field(max_length=20, unique=True)
    cas_login: str = Field(max_length=100, unique=True, index=True)
    ine: str = Field(default="", max_length=11)
    civility: str = Field(default="", max_length=3)
    birth_name: str = Field(max_length=30)
    first_name: str = Field(max_length=20)
    birth_date: date | None = None
    mail: str = Field(default="", max_length=100)


class StudentResult(SQLModel, table=True):
    """One line of Cursus Interne."""

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="student.id", index=True, ondelete="CASCADE")
    academic_year: str = Field(max_length=9, description="2023/2024")
    code: str = Field(max_length=20)
    label: str = Field(max_length=200)
    mention: str = Field(default="", max_length=50)
    result: str = Field(default="", max_length=50)
    grade: str = Field(default="", max_length=10)
    scale: str = Field(default="", max_length=10)
