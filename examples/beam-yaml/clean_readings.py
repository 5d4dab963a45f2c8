"""Beam Python pipeline using industryts operations through the expansion-service jar.

    mvn -B -DskipTests -pl transforms/schematransforms -am package
    java -jar transforms/schematransforms/target/industryts-expansion-service.jar 8097 &
    python examples/beam-yaml/clean_readings.py

Needs Beam Python 2.62 (pip install apache-beam). ExternalTransformProvider asks the expansion
service for every beam:schematransform:io.industryts:<type>:v1 and makes each a Python transform
named after the type (FillNull, Lag, Rolling, ...) whose keyword arguments are the operation's
TOML keys plus time_column / key_columns.
"""
import apache_beam as beam
from apache_beam.transforms.external_transform_provider import ExternalTransformProvider

provider = ExternalTransformProvider(
    "localhost:8097", urn_pattern=r"^beam:schematransform:io.industryts:([\w-]+):(\w+)$")
FillNull = provider.get_urn("beam:schematransform:io.industryts:fill_null:v1")
Lag = provider.get_urn("beam:schematransform:io.industryts:lag:v1")
Rolling = provider.get_urn("beam:schematransform:io.industryts:rolling:v1")

with beam.Pipeline() as p:
    readings = p | beam.io.ReadFromCsv("examples/data/sensors.csv")
    features = (
        readings
        | FillNull(method="forward", max_gap="10min", time_column="DateTime")
        | Lag(columns=["temperature"], periods=["1", "2"], time_column="DateTime")
        | Rolling(window="30min", functions=["mean", "max"], columns=["temperature"],
                  time_column="DateTime"))
    features | beam.io.WriteToCsv("out/clean_readings_py")
