#!/usr/bin/env python3
"""rxfacts on Apache Spark: RDD.pipe over a file list (see docs/scale.md).

Usage: spark_extract.py FILE_LIST OUT_DIR [--rxfacts PATH] [--partitions P] [--master URL]

Each partition of FILE_LIST (one input path a line: files, directories or zips) is piped into one
`rxfacts extract --files-from -` process, whose standard output (one JSON record a line) becomes
the partition's output, written with saveAsTextFile to OUT_DIR (part-NNNNN files). rxfacts must be
installed on every executor at the same path and see the inputs at the same paths.
"""
import argparse
import shlex

from pyspark.sql import SparkSession


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file_list")
    ap.add_argument("out_dir")
    ap.add_argument("--rxfacts", default="rxfacts")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--jobs", type=int, default=1, help="rxfacts --jobs per partition (one task = one core by default)")
    ap.add_argument("--master", default="local[2]")
    args = ap.parse_args()

    spark = SparkSession.builder.master(args.master).appName("rxfacts-extract").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    paths = sc.textFile(args.file_list, minPartitions=args.partitions)
    # Exit code 1 means some inputs were errors (reported on the executor's stderr, the other
    # records written): the partition succeeded. Exit code 2 (cannot run, cannot write) fails the
    # task, so Spark retries it instead of silently losing records (checkCode).
    script = '"$0" extract --quiet --jobs %d --files-from -; rc=$?; [ "$rc" -le 1 ]' % args.jobs
    command = "/bin/sh -c %s %s" % (shlex.quote(script), shlex.quote(args.rxfacts))
    records = paths.pipe(command, checkCode=True)
    records.saveAsTextFile(args.out_dir)
    spark.stop()


if __name__ == "__main__":
    main()
