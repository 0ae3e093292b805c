// PLCInteropFixtures.swift: the did:plc interop audit logs, copied unchanged as data.
// Origin: did-method-plc/did-method-plc `interop_tests/audit_log/{valid,invalid}/` at commit
// cc1bd183da1d4fb3649467eaf9c18afa1ba73f39 (identical to did-method-plc/go-didplc `testdata/` at
// e00ab887f422218b85628564df3beec08d6d37bd, their canonical home). Each value is one file's text, in
// the format of a directory's `/<did>/log/audit`. Embedded as Swift strings because the test target
// declares no resources. Book: docs/12-accounts-and-dids.md.

/// The interop audit logs, keyed by file name.
enum PLCInteropFixtures {
    /// Logs every implementation must accept (`audit_log/valid/`).
    static let valid: [String: String] = [
        "log_bnewbold_robocracy.json": ##"""
[
  {
    "did": "did:plc:nhxcyu4ewwhl5pqil4dotqjo",
    "operation": {
      "sig": "v9rHEhW4XVwMKRSd2yeFgk4-mZthHSZwJ4tShNPqDP4NH3w79CkxIOmJ393D6MEyWZLN1qxS1qBIbFEGtfoDDw",
      "prev": null,
      "type": "plc_operation",
      "services": {
        "atproto_pds": {
          "type": "AtprotoPersonalDataServer",
          "endpoint": "https://pds.robocracy.org"
        }
      },
      "alsoKnownAs": [
        "at://bnewbold.pds.robocracy.org"
      ],
      "rotationKeys": [
        "did:key:zQ3shcciz4AvrLyDnUdZLpQys3kyCsesojRNzJAieyDStGxGo"
      ],
      "verificationMethods": {
        "atproto": "did:key:zQ3shazA2airLo8gNJvxGMFZWPJDRkLGNR6mn9Txsc8YYndwy"
      }
    },
    "cid": "bafyreidj5ywfhbfvr27l4cc7a3u4clup5vx343ufuzdliethuhzzxjbg4q",
    "nullified": false,
    "createdAt": "2024-02-22T04:31:08.867Z"
  },
  {
    "did": "did:plc:nhxcyu4ewwhl5pqil4dotqjo",
    "operation": {
      "sig": "P8TrUomEKSnJpyuoyqdaqv-KilKbQKoi6MNf8DNN8LdFn1cA3_BtkqVYAjmucpQ8DDSze-jG4YDvC6HFK9QPOA",
      "prev": "bafyreidj5ywfhbfvr27l4cc7a3u4clup5vx343ufuzdliethuhzzxjbg4q",
      "type": "plc_operation",
      "services": {
        "atproto_pds": {
          "type": "AtprotoPersonalDataServer",
          "endpoint": "https://pds.robocracy.org"
        }
      },
      "alsoKnownAs": [
        "at://bnewbold.robocracy.org"
      ],
      "rotationKeys": [
        "did:key:zQ3shcciz4AvrLyDnUdZLpQys3kyCsesojRNzJAieyDStGxGo"
      ],
      "verificationMethods": {
        "atproto": "did:key:zQ3shazA2airLo8gNJvxGMFZWPJDRkLGNR6mn9Txsc8YYndwy"
      }
    },
    "cid": "bafyreiemmb2ephqyt7orhiv4vp7gmdohnzhgkehwzfrvirgvg7fg352ysi",
    "nullified": false,
    "createdAt": "2024-02-22T04:39:57.282Z"
  }
]
"""##,
        "log_bskyapp.json": ##"""
[
  {
    "did": "did:plc:z72i7hdynmk6r22z27h6tvur",
    "operation": {
      "sig": "9NuYV7AqwHVTc0YuWzNV3CJafsSZWH7qCxHRUIP2xWlB-YexXC1OaYAnUayiCXLVzRQ8WBXIqF-SvZdNalwcjA",
      "prev": null,
      "type": "plc_operation",
      "services": {
        "atproto_pds": {
          "type": "AtprotoPersonalDataServer",
          "endpoint": "https://bsky.social"
        }
      },
      "alsoKnownAs": [
        "at://bluesky-team.bsky.social"
      ],
      "rotationKeys": [
        "did:key:zQ3shhCGUqDKjStzuDxPkTxN6ujddP4RkEKJJouJGRRkaLGbg",
        "did:key:zQ3shpKnbdPx3g3CmPf5cRVTPe1HtSwVn5ish3wSnDPQCbLJK"
      ],
      "verificationMethods": {
        "atproto": "did:key:zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF"
      }
    },
    "cid": "bafyreigp6shzy6dlcxuowwoxz7u5nemdrkad2my5zwzpwilcnhih7bw6zm",
    "nullified": false,
    "createdAt": "2023-04-12T04:53:57.057Z"
  },
  {
    "did": "did:plc:z72i7hdynmk6r22z27h6tvur",
    "operation": {
      "sig": "1mEWzRtFOgeRXH-YCSPTxb990JOXxa__n8Qw6BOKl7Ndm6OFFmwYKiiMqMCpAbxpnGjF5abfIsKc7u3a77Cbnw",
      "prev": "bafyreigp6shzy6dlcxuowwoxz7u5nemdrkad2my5zwzpwilcnhih7bw6zm",
      "type": "plc_operation",
      "services": {
        "atproto_pds": {
          "type": "AtprotoPersonalDataServer",
          "endpoint": "https://bsky.social"
        }
      },
      "alsoKnownAs": [
        "at://bsky.app"
      ],
      "rotationKeys": [
        "did:key:zQ3shhCGUqDKjStzuDxPkTxN6ujddP4RkEKJJouJGRRkaLGbg",
        "did:key:zQ3shpKnbdPx3g3CmPf5cRVTPe1HtSwVn5ish3wSnDPQCbLJK"
      ],
      "verificationMethods": {
        "atproto": "did:key:zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF"
      }
    },
    "cid": "bafyreihmuvr3frdvd6vmdhucih277prdcfcezf67lasg5oekxoimnunjoq",
    "nullified": false,
    "createdAt": "2023-04-12T17:26:46.468Z"
  }
]
"""##,
        "log_duplicate_rotation_keys.json": ##"""
[
  {
    "did": "did:plc:fjhag55cvrg4no2optwsld2d",
    "operation": {
      "sig": "eYGQcdzFhATHh1wn9eNBjL5TRd7U-K_D3eyY3KPp2BcFrz_CMZ5PPoIN1P_HSO7m_66pmRcDiPPvBclDHQZ6tQ",
      "prev": null,
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [],
      "rotationKeys": [
        "did:key:zDnaet3CLvFwasyRn1qaCJec6XDqh2pXE4fUoJpG19H9xauUf",
        "did:key:zDnaet3CLvFwasyRn1qaCJec6XDqh2pXE4fUoJpG19H9xauUf"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreibkjybxpivmjxdlwtt45usy6q6nutr3clatlbfejlnusqvmpsxm5y",
    "nullified": false,
    "createdAt": "2025-07-23T11:52:57.706Z"
  }
]
"""##,
        "log_empty_rotation_keys.json": ##"""
[
  {
    "did": "did:plc:7az4y43gpd5iz3uz5aoiimpn",
    "operation": {
      "sig": "kWGr1tLkLeFbi2sM1ECfIXVLE11U8F_2JbIjP6SO504Z2YVilrvr37AgtsfcPww_EuBacJoJDYbmwVTRoz3cPQ",
      "prev": null,
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [],
      "rotationKeys": [
        "did:key:zDnaet3CLvFwasyRn1qaCJec6XDqh2pXE4fUoJpG19H9xauUf"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreihygpghgzty7kgo5gpidscdd3p7krovysfy76uqfyildy5qy6xyqi",
    "nullified": false,
    "createdAt": "2025-07-22T16:42:57.772Z"
  },
  {
    "did": "did:plc:7az4y43gpd5iz3uz5aoiimpn",
    "operation": {
      "sig": "EJmgtA4PoFz6sXWz324x4f-46PbQJV0NR16_B69fbWVJb40wSBAakxJKUqvAQnvgMMZnWiL8LUdyEgFejSwdKA",
      "prev": "bafyreihygpghgzty7kgo5gpidscdd3p7krovysfy76uqfyildy5qy6xyqi",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [],
      "rotationKeys": [],
      "verificationMethods": {}
    },
    "cid": "bafyreidhcvt64va2y7igfy5soymc4xtpoghdgv2oujv5f76js6sdwby6ta",
    "nullified": false,
    "createdAt": "2025-07-22T16:44:08.313Z"
  }
]
"""##,
        "log_legacy_dholms.json": ##"""
[
  {
    "did": "did:plc:yk4dd2qkboz2yv6tpubpc6co",
    "operation": {
      "sig": "7QTzqO1BcL3eDzP4P_YBxMmv5U4brHzAItkM9w5o8gZA7ElZkrVYEwsfQCfk5EoWLk58Z1y6fyNP9x1pthJnlw",
      "prev": null,
      "type": "create",
      "handle": "dan.bsky.social",
      "service": "https://bsky.social",
      "signingKey": "did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ",
      "recoveryKey": "did:key:zQ3shhCGUqDKjStzuDxPkTxN6ujddP4RkEKJJouJGRRkaLGbg"
    },
    "cid": "bafyreigcxay6ucqlwowfpu35alyxqtv3c4vsj7gmdtmnidsnqs6nblyarq",
    "nullified": false,
    "createdAt": "2022-11-17T01:07:13.996Z"
  },
  {
    "did": "did:plc:yk4dd2qkboz2yv6tpubpc6co",
    "operation": {
      "sig": "n-VWsPZY4xkFN8wlg-kJBU_yzWTNd2oBnbjkjxXu3HdjbBLaEB7K39JHIPn_DZVALKRjts6bUicjSEecZy8eIw",
      "prev": "bafyreigcxay6ucqlwowfpu35alyxqtv3c4vsj7gmdtmnidsnqs6nblyarq",
      "type": "plc_operation",
      "services": {
        "atproto_pds": {
          "type": "AtprotoPersonalDataServer",
          "endpoint": "https://bsky.social"
        }
      },
      "alsoKnownAs": [
        "at://dholms.xyz"
      ],
      "rotationKeys": [
        "did:key:zQ3shhCGUqDKjStzuDxPkTxN6ujddP4RkEKJJouJGRRkaLGbg",
        "did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ"
      ],
      "verificationMethods": {
        "atproto": "did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ"
      }
    },
    "cid": "bafyreiho5sanautvnw3det66jcwic4vkeabc35y7iou3ygwj2l3xqcxdau",
    "nullified": false,
    "createdAt": "2023-03-06T18:47:09.501Z"
  },
  {
    "did": "did:plc:yk4dd2qkboz2yv6tpubpc6co",
    "operation": {
      "sig": "HWgrfQXxUN3mhR5TR-nrwGJwVr9RDbyDn6eCmqBg32x2zIjhe98YxOtFOLI9jQkBlTTzqzUOwJh1KZd4O2pDOw",
      "prev": "bafyreiho5sanautvnw3det66jcwic4vkeabc35y7iou3ygwj2l3xqcxdau",
      "type": "plc_operation",
      "services": {
        "atproto_pds": {
          "type": "AtprotoPersonalDataServer",
          "endpoint": "https://bsky.social"
        }
      },
      "alsoKnownAs": [
        "at://dholms.bsky.social"
      ],
      "rotationKeys": [
        "did:key:zQ3shhCGUqDKjStzuDxPkTxN6ujddP4RkEKJJouJGRRkaLGbg",
        "did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ"
      ],
      "verificationMethods": {
        "atproto": "did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ"
      }
    },
    "cid": "bafyreic3am2nmgykxtwsxwigzn6faibxv5ef5kalcv7li3eatcqldcqrku",
    "nullified": false,
    "createdAt": "2023-03-06T19:50:49.987Z"
  },
  {
    "did": "did:plc:yk4dd2qkboz2yv6tpubpc6co",
    "operation": {
      "sig": "9Fy2iHCSK5mtgLNCkS9CyI0r7lu6H1SVgusaD1jQdsMUySUU6apde0z7SobpYZKp4sThk4hxOWtO-bXhu1cNjg",
      "prev": "bafyreic3am2nmgykxtwsxwigzn6faibxv5ef5kalcv7li3eatcqldcqrku",
      "type": "plc_operation",
      "services": {
        "atproto_pds": {
          "type": "AtprotoPersonalDataServer",
          "endpoint": "https://bsky.social"
        }
      },
      "alsoKnownAs": [
        "at://dholms.xyz"
      ],
      "rotationKeys": [
        "did:key:zQ3shhCGUqDKjStzuDxPkTxN6ujddP4RkEKJJouJGRRkaLGbg",
        "did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ"
      ],
      "verificationMethods": {
        "atproto": "did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ"
      }
    },
    "cid": "bafyreicwybxr6h6vkxpoarismso3liozdzswshmzcvl4tyckdazn5lxjte",
    "nullified": false,
    "createdAt": "2023-03-06T19:51:09.950Z"
  },
  {
    "did": "did:plc:yk4dd2qkboz2yv6tpubpc6co",
    "operation": {
      "sig": "lBXd8rHZ84hCuQysGdi_5A9C8yPHTHasPibO4DZiuZVrehs2hiBcjAL0srLSTsF1kvsHTw1ddai-QwH0Wd_drQ",
      "prev": "bafyreicwybxr6h6vkxpoarismso3liozdzswshmzcvl4tyckdazn5lxjte",
      "type": "plc_operation",
      "services": {
        "atproto_pds": {
          "type": "AtprotoPersonalDataServer",
          "endpoint": "https://bsky.social"
        }
      },
      "alsoKnownAs": [
        "at://dholms.xyz"
      ],
      "rotationKeys": [
        "did:key:zQ3shhCGUqDKjStzuDxPkTxN6ujddP4RkEKJJouJGRRkaLGbg",
        "did:key:zQ3shpKnbdPx3g3CmPf5cRVTPe1HtSwVn5ish3wSnDPQCbLJK"
      ],
      "verificationMethods": {
        "atproto": "did:key:zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF"
      }
    },
    "cid": "bafyreidfrpuegbqd5r56shka4duythb7phb6d7i3bck2dkeb5fjppwd7gi",
    "nullified": false,
    "createdAt": "2023-03-09T23:18:31.709Z"
  }
]
"""##,
        "log_nullification.json": ##"""
[
  {
    "did": "did:plc:2s2mvm52ttz6r4hocmrq7x27",
    "operation": {
      "type": "plc_operation",
      "rotationKeys": [
        "did:key:zQ3shwPdax6jKMbhtzbueGwSjc7RnjsmPcNB1vQUpbKUCN1t1",
        "did:key:zQ3shmMcsFLvSZQy2pSZFFKZNmQSNmyuSepPXMHpgTYrontu2"
      ],
      "verificationMethods": {},
      "alsoKnownAs": [
        "at://foo"
      ],
      "services": {},
      "prev": null,
      "sig": "1pTjQD5-LA4gN6tz1t7-28Tzct9NI-oYMN8QVUQkB7493j-vKeZnZO0YqNNBCXsORatmfKUXwteC9zW82mi_yw"
    },
    "cid": "bafyreiguwtflhou46pupb3qtemh56x6o3fn3y7ym2q3jgoms35tdu2d5ga",
    "nullified": false,
    "createdAt": "1970-01-01T00:00:00.000Z"
  },
  {
    "did": "did:plc:2s2mvm52ttz6r4hocmrq7x27",
    "operation": {
      "prev": "bafyreiguwtflhou46pupb3qtemh56x6o3fn3y7ym2q3jgoms35tdu2d5ga",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://foo"
      ],
      "rotationKeys": [],
      "verificationMethods": {},
      "sig": "XfbRKnfzmJyRXUrajAISgdiJWNdNFMFgtDnlKvj-bIZhpfqGd39xiylJVXXu5Usw2cc2Js4EeSPh2xfhUQNxSA"
    },
    "cid": "bafyreicbxgoelatj24iyqnevm7v4f22utxb75p756ztyu5v7cjxlwti3oa",
    "nullified": true,
    "createdAt": "1970-01-01T00:00:01.000Z"
  },
  {
    "did": "did:plc:2s2mvm52ttz6r4hocmrq7x27",
    "operation": {
      "prev": "bafyreiguwtflhou46pupb3qtemh56x6o3fn3y7ym2q3jgoms35tdu2d5ga",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://foo"
      ],
      "rotationKeys": [
        "did:key:zQ3shwPdax6jKMbhtzbueGwSjc7RnjsmPcNB1vQUpbKUCN1t1",
        "did:key:zQ3shmMcsFLvSZQy2pSZFFKZNmQSNmyuSepPXMHpgTYrontu2"
      ],
      "verificationMethods": {},
      "sig": "zCcbDgFbv5b0aGggLepLcARzNzH0sG6uuvq2GacyPsAsjDsLMZn6KmOxa50iWZEMRknQHsMYyMTS99eeTPu0fQ"
    },
    "cid": "bafyreidef3g2vvlshwzf7vxjyxg3lraahujvhtkpo7y3g4br52ft3lzwem",
    "nullified": false,
    "createdAt": "1970-01-01T00:00:02.000Z"
  }
]
"""##,
        "log_nullification_at_exactly_72h.json": ##"""
[
  {
    "did": "did:plc:huyin2bxfj3bpg3gjq64nazd",
    "operation": {
      "sig": "SMt9lbnrIZphaVysWweU24bobCCZQmROnpSE4_9ZcUZda05TW9kR3povEIWL76_5l28LPphh9zOBnzuT6CsfJA",
      "prev": null,
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op0"
      ],
      "rotationKeys": [
        "did:key:zQ3shbhi3Ecu99Fo6apTVVAzV15RExDaDgoY3mTuQXQsCPGky",
        "did:key:zQ3shdDRwdy9yjepHMnhAmHXZ1sNHikyRUNbJBFmJdEHBSkm1"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreib5gcdoqnzkoylzwzsmhxdigizzl7nlwoe2fujd6aqkgn4yn5juee",
    "nullified": false,
    "createdAt": "2025-07-25T14:40:41.627Z"
  },
  {
    "did": "did:plc:huyin2bxfj3bpg3gjq64nazd",
    "operation": {
      "sig": "5C6Wb29_El2d96XLoaJyBYczpSi4Y0iFiKx5vG6czV5eltBwPeQ2TT8B_EieXy_G3O_aRZrobUBKijQeQfop3g",
      "prev": "bafyreib5gcdoqnzkoylzwzsmhxdigizzl7nlwoe2fujd6aqkgn4yn5juee",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op1"
      ],
      "rotationKeys": [
        "did:key:zQ3shhZw6NmJJhdWcWqxGfaLKBV7LbW5RVVxbMuQQt5EZExEv",
        "did:key:zQ3shQPH612ZLpKXu6wJ8Nq3xJcZ1KBngAYzV1ifvGFjyfGGM"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreidygw4qxncobfaz54dujsdamppw5eyzfsjscvzzh62s4lgfdtwkhm",
    "nullified": false,
    "createdAt": "2025-07-26T00:00:00.000Z"
  },
  {
    "did": "did:plc:huyin2bxfj3bpg3gjq64nazd",
    "operation": {
      "sig": "2JUYqTo-dhMxjvIZad2E7dspTfd4UJjIF1m4MecIaNAi3YwVERLQT6DBH4JGirSZOUZPsI9kRPFADG3FvRROOA",
      "prev": "bafyreidygw4qxncobfaz54dujsdamppw5eyzfsjscvzzh62s4lgfdtwkhm",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op2"
      ],
      "rotationKeys": [
        "did:key:zQ3shjndSKfWo811gPc6w7xgTQ1QZ1pSzRh9nFyYNTr2f8vad",
        "did:key:zQ3shNu1MTAyn751xRrPYgzYHMjmgxqJX7MaKD1sRyqmEG7Lr"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreifwu6mpycnlcwcp33pvfmwlba3bsinrvaiemjied2hotb24z7wk2y",
    "nullified": true,
    "createdAt": "2025-07-27T00:00:00.000Z"
  },
  {
    "did": "did:plc:huyin2bxfj3bpg3gjq64nazd",
    "operation": {
      "sig": "FFWR27ys_W2YaEOEQIFLaEWhf3V8rVR5Lh6F20UMn8AvsgS5eoT4nrY3D34hGJKBtkoy6FgNX2LjegFmwedmZQ",
      "prev": "bafyreidygw4qxncobfaz54dujsdamppw5eyzfsjscvzzh62s4lgfdtwkhm",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op3"
      ],
      "rotationKeys": [
        "did:key:zQ3shXNdU3wForFqrQSGGL4XpRhUTb3RAdQmYx3RFx6WqyiHR",
        "did:key:zQ3shQFNHvyMfEWFsEycbyU24KdLQxuHtMvDRLVnjwMQhTfGU"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreicethnkrcbd2xojssb76sppdnfxlwzzjkrf6f2fiixxglv7sik65e",
    "nullified": false,
    "createdAt": "2025-07-30T00:00:00.000Z"
  }
]
"""##,
        "log_nullification_nontrivial.json": ##"""
[
  {
    "did": "did:plc:ana7n2ppeqk57pay7azhjs24",
    "operation": {
      "sig": "IypAT0szH_8Ygl7QrnXZrxemIcg_RkW_GyYbjih_9BEe5DRGgLxmQGeWsvB0TfDqm50c0xB8mGraOf25IA25qA",
      "prev": null,
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op0"
      ],
      "rotationKeys": [
        "did:key:zQ3shhiASLv8GN7ob3iWqsAxP7nE95LUPWsNEb2jTfW7e2yCt",
        "did:key:zQ3shsnWCW7HC7bYVnRcY5XxQpKArfafpB5S39DoqTkexuiTu"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreiadih3ot3zecxp3yghygj2mwxh3szrrifwer2z4iodazbrtuvmmgm",
    "nullified": false,
    "createdAt": "2025-07-25T14:14:48.962Z"
  },
  {
    "did": "did:plc:ana7n2ppeqk57pay7azhjs24",
    "operation": {
      "sig": "eabKT5-1i2MW8Z7iWXHp2tlEYn1y6HmbuHexP-fgOzQq6RuNBGlWWOjMygxl8BK98FCNU8wvX9eWkM-soBrfow",
      "prev": "bafyreiadih3ot3zecxp3yghygj2mwxh3szrrifwer2z4iodazbrtuvmmgm",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op1"
      ],
      "rotationKeys": [
        "did:key:zQ3shXPgp1NrzoXSpa7YTn9ZFUVco39X8ygph16Bj6Ku4NJd2",
        "did:key:zQ3shd4eC3ykuq1GfpuyosoBLSX3JASu9qFXggqWGWwH9MXg6"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreieshd5ujokbnxfzqmaoyimbdsiuwklji2st7ffga2vkhsozxn324u",
    "nullified": false,
    "createdAt": "2025-07-25T14:14:49.353Z"
  },
  {
    "did": "did:plc:ana7n2ppeqk57pay7azhjs24",
    "operation": {
      "sig": "hHkc9Mn_nE-P60GsZJG6jm6xdlBUbaxonGsir-O95P1ibH16jK-FyVO2KtF-J2llULLDZID_mbKkh2QOpBc-TA",
      "prev": "bafyreieshd5ujokbnxfzqmaoyimbdsiuwklji2st7ffga2vkhsozxn324u",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op2"
      ],
      "rotationKeys": [
        "did:key:zQ3shco8HcC3YKPeoCJ55S9XQ7e7enn6qqCeyx1jhxGE8hRAX",
        "did:key:zQ3shQDMSvL951qcX2Tpdp4s6tL39pjMzVowM9XU4v6NMkG92"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreifpq7r5ipo3rdpfrippmir5ne6he36mfab2shtz5g25tjm6z655rq",
    "nullified": true,
    "createdAt": "2025-07-25T14:14:49.751Z"
  },
  {
    "did": "did:plc:ana7n2ppeqk57pay7azhjs24",
    "operation": {
      "sig": "MoCicrrAaerQdkyGeZT5QFKQ5hUbwoELlpJG1yq8e1onpuIECPlDkRn0MSTSPK8t546W8jZNvrtHRuNCBoXQUA",
      "prev": "bafyreifpq7r5ipo3rdpfrippmir5ne6he36mfab2shtz5g25tjm6z655rq",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op3"
      ],
      "rotationKeys": [
        "did:key:zQ3shX4Tw63vH57eanTngtGeGXDTjDYqovNd8DfpNpcJsHRwK",
        "did:key:zQ3shTPSgYbFTfmV5wNDV6oHHogTsDemWRdwWm6ZKZB2wXDQc"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreih55jjrlxemxyusbyqhwkydvew5seldzlzflhuiqhsuwienbuvxmu",
    "nullified": true,
    "createdAt": "2025-07-25T14:14:50.126Z"
  },
  {
    "did": "did:plc:ana7n2ppeqk57pay7azhjs24",
    "operation": {
      "sig": "lD4kyQq8GZbvqaUHLt91wCBZgxeFvXQdVLM7Go0083cLE8HeG1Rj5HnsEBadYqzoCOcLgDWPMCwdAuM_GCojxA",
      "prev": "bafyreih55jjrlxemxyusbyqhwkydvew5seldzlzflhuiqhsuwienbuvxmu",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op4"
      ],
      "rotationKeys": [
        "did:key:zQ3shW9AesYJE95cyuPwWCmJhvPgP7Rkva8SgNoJ2wuAA7gDd",
        "did:key:zQ3shaw1oqEGsigCdjMvgUD6sN4w6r3h3EdG7Eqp54c7oo6LD"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreicnmhhlbyh5qhslaub3l4j7hydcv3lbmxyorkge5y7xgpvdlxzjlu",
    "nullified": true,
    "createdAt": "2025-07-25T14:14:50.515Z"
  },
  {
    "did": "did:plc:ana7n2ppeqk57pay7azhjs24",
    "operation": {
      "sig": "LjSlpZATuTm28kcSAkJJmgP6_pDoq2YA5J408aQJTmVyTsDkwyJ3gKB-pcMiYKlNptD3BxdiXnIKaSP5vI6D8w",
      "prev": "bafyreih55jjrlxemxyusbyqhwkydvew5seldzlzflhuiqhsuwienbuvxmu",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op5"
      ],
      "rotationKeys": [
        "did:key:zQ3shvv4uX5wmumTa3U5pgZxt1VNZmHY3UhX3KhEwHk7dk7PB",
        "did:key:zQ3shvKqwoT1wtjHbCki566vQFk86UvJc8T5WfGpmCm5jyCN7"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreihveyvdjaslphmjftrb6uw2ftqklefi6jod2m7lv7pw2aitu6lrqu",
    "nullified": true,
    "createdAt": "2025-07-25T14:14:50.904Z"
  },
  {
    "did": "did:plc:ana7n2ppeqk57pay7azhjs24",
    "operation": {
      "sig": "tjVslQYlmnJrZifS9TqxhH7e4YolwvI40FU_X93mFVRy85W64ClwJ_1X-eeQiNh5on0TxdqoBmPcvERocrEEPA",
      "prev": "bafyreihveyvdjaslphmjftrb6uw2ftqklefi6jod2m7lv7pw2aitu6lrqu",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op6"
      ],
      "rotationKeys": [
        "did:key:zQ3shjaNAXa4S2zupVtaRfiiiZL8BNsz3Gx2X7u4KJP4xxVfR",
        "did:key:zQ3shRiasZG5nANgQH2MYA2RJcZo4K6J7zL7EeoG2q46HjUyi"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreihdethy553d6czdke36vlfmn7tzhjumndlkwmfksqubutzeaihcuy",
    "nullified": true,
    "createdAt": "2025-07-25T14:14:51.281Z"
  },
  {
    "did": "did:plc:ana7n2ppeqk57pay7azhjs24",
    "operation": {
      "sig": "AFq-UKqZtLA88ZssGg0jV7BUm1zju4V79W4KG35VdXMB7MH9AfHvBNLOlxmzEW_ATs1tmeX60U00meDI8oppRg",
      "prev": "bafyreieshd5ujokbnxfzqmaoyimbdsiuwklji2st7ffga2vkhsozxn324u",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op7"
      ],
      "rotationKeys": [
        "did:key:zQ3shi3dE5REVqBR25JcENfLA5qvKPy6yADo9EQCtNVGwo9Xn",
        "did:key:zQ3shfePFkQKQMPDpfKpH5frZuk6aLsqWhLaQZQ62KsQwQziz"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreihdmait2kmgp3zm7uixh4b56ekufakqwqlfgh7ji6m2aphensd3dy",
    "nullified": false,
    "createdAt": "2025-07-25T14:14:51.652Z"
  }
]
"""##,
        "log_nullified_tombstone.json": ##"""
[
  {
    "did": "did:plc:7iqnimg5hvigsckpbqrqktoh",
    "operation": {
      "sig": "GI8N37O5s6xr4QgWJ0zJdBIdS8xZ-G107B8jaaM_efJmkF8MYpIG0v3XJBW8tVzFS3xkvoOj46ufvmn9Z6KKtg",
      "prev": null,
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op0"
      ],
      "rotationKeys": [
        "did:key:zQ3shYZd89t3Lke7N9NbDs8fcaTyAm7fAux3aVjDELLLSVmVQ",
        "did:key:zQ3shuK7Yt3GQoh8BoyEzSNZeWdovfAkqjjKJMUKHYC1878vm"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreih2edkdbxj5kbuqstymemcu3r3mxj4gtgxcmuxpmj5mtnpazdocvm",
    "nullified": false,
    "createdAt": "2025-07-25T15:47:47.372Z"
  },
  {
    "did": "did:plc:7iqnimg5hvigsckpbqrqktoh",
    "operation": {
      "sig": "8kZqyCA19y3ORbAS88hOBzzKqe-QB8c_WtTfJTlrxxcvQRJ9KauzBVa70pIPR62m_aNc7kH50MKXjw9N0MWWmQ",
      "prev": "bafyreih2edkdbxj5kbuqstymemcu3r3mxj4gtgxcmuxpmj5mtnpazdocvm",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op1"
      ],
      "rotationKeys": [
        "did:key:zQ3shVec44WTCPYCMZb4Ka5ajjDKKLmfjWUxyRptht4knaMq8",
        "did:key:zQ3shmXuxJHxmy5SsXSdg3EWLsbrD4gztdU3TDhNq5QM7HyZr"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreidfdc7xu5wvkyq2dwr6fuierhb7ybcdc3dnfmzf5u22hukttm75iq",
    "nullified": false,
    "createdAt": "2025-07-25T15:47:47.749Z"
  },
  {
    "did": "did:plc:7iqnimg5hvigsckpbqrqktoh",
    "operation": {
      "sig": "0nvoKq0K3s6mcEutE4kZG9VhG7ptabCaxI_Hf9MdbuV0h00TBrYyDwa5VZGR334P_1Mhidnq9zMVb3o_XZ-PGg",
      "prev": "bafyreidfdc7xu5wvkyq2dwr6fuierhb7ybcdc3dnfmzf5u22hukttm75iq",
      "type": "plc_tombstone"
    },
    "cid": "bafyreidsszc2f6szlqfw3gsud7o7prfgihwuefyl7hlihgopnex44owwdy",
    "nullified": true,
    "createdAt": "2025-07-25T15:47:48.128Z"
  },
  {
    "did": "did:plc:7iqnimg5hvigsckpbqrqktoh",
    "operation": {
      "sig": "RG7_y1y8d1vx_z_DHrmPVBaN_SBoFx_PJMaLAzkx2J1Y7a44USpLhFelEDupo3Kn90H447eWIoQWUFM1splTiQ",
      "prev": "bafyreidfdc7xu5wvkyq2dwr6fuierhb7ybcdc3dnfmzf5u22hukttm75iq",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op3"
      ],
      "rotationKeys": [
        "did:key:zQ3shWWPEB81oEwNJ1mCVfvMPNFsdsat9u9FmGFteyjNAHh2A",
        "did:key:zQ3shXhSnMgAtK7JoaLAgEYf1aWqgXwwSfVC2Nx2WRCGGp6Si"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreidmokii52hymid6kt3u7npdd5opfndn7asvt2ckwoe7g5osjw5jba",
    "nullified": false,
    "createdAt": "2025-07-25T15:47:48.511Z"
  }
]
"""##,
        "log_tombstone.json": ##"""
[
  {
    "did": "did:plc:6adr3q2labdllanslzhqkqd3",
    "operation": {
      "sig": "ZznbxHinpBI3NgEYWzXUXLA65s2U1ezJooreZlscHYQRfd4EMlijqhpikGMabs-81Tsy4Mt9Iscpmk7Uz13aAg",
      "prev": null,
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op0"
      ],
      "rotationKeys": [
        "did:key:zQ3shmWf4f6ZwzNyjUDYw4oFQjgHWZoYZDjJYtz75YfYYrphB",
        "did:key:zQ3shr2PwdoF6kbuYYymyZq6YbGWShiTXAkdMioCPdSdPL9NV"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreihqa4o4gsyai22ydms6j4cua6yr6tuc7trq2temvnycadk2daniru",
    "nullified": false,
    "createdAt": "2025-07-25T15:50:58.440Z"
  },
  {
    "did": "did:plc:6adr3q2labdllanslzhqkqd3",
    "operation": {
      "sig": "iKFOLyEujXdHWujAAnwFhKfb9kkIcpMDGOV15eNWqlxLM2GtdQD3lVWCshTKWi0dF7InXGseVFDexS0kg0KmEQ",
      "prev": "bafyreihqa4o4gsyai22ydms6j4cua6yr6tuc7trq2temvnycadk2daniru",
      "type": "plc_tombstone"
    },
    "cid": "bafyreifafe44xylxagcom47xb3lrya5pysu3b7zfjmmmitiuimhmgmerze",
    "nullified": false,
    "createdAt": "2025-07-25T15:50:58.837Z"
  }
]
"""##,
    ]
    /// Logs every implementation must refuse (`audit_log/invalid/`).
    static let invalid: [String: String] = [
        "log_invalid_nullification_reused_key.json": ##"""
[
  {
    "did": "did:plc:srb3vhjq32vxonzcdl3t63vi",
    "operation": {
      "type": "plc_operation",
      "rotationKeys": [
        "did:key:zQ3shkfZnxgzNW3Kby5yA7R1JdpCE3gHiaWmKMD5XdwLU6zMY",
        "did:key:zQ3shracm7zHFnzbtAuapGAUPknDHJnKxj3Ts6riTA3FsG9Xd"
      ],
      "verificationMethods": {},
      "alsoKnownAs": [
        "at://foo"
      ],
      "services": {},
      "prev": null,
      "sig": "N6a_JR7MKurT7U9gYxy6Eg9c_0Fnk12_pNSb0XHj8pdOhJP9sBX0U0E3oBLByQpZQ4PrbIcUlitRdTGlyAdrUw"
    },
    "cid": "bafyreieuio5j2mg6vn3toiq2647w5kefg72iiwgvbxqdjingzu62yezisy",
    "nullified": false,
    "createdAt": "1970-01-01T00:00:00.000Z"
  },
  {
    "did": "did:plc:srb3vhjq32vxonzcdl3t63vi",
    "operation": {
      "prev": "bafyreieuio5j2mg6vn3toiq2647w5kefg72iiwgvbxqdjingzu62yezisy",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://foo"
      ],
      "rotationKeys": [],
      "verificationMethods": {},
      "sig": "vUxZqHrveFdsuOHra9oGZo7Q-skqCyzKjf66C_nk3Xo8526iSfVTsVV1UhbFVfCYYQXxCf1x0yAjvcQChLoU8Q"
    },
    "cid": "bafyreicxkw5765kbyzfeelqthv6frykkzoykxacqlwo743xf5p4yhtzq64",
    "nullified": true,
    "createdAt": "1970-01-01T00:00:01.000Z"
  },
  {
    "did": "did:plc:srb3vhjq32vxonzcdl3t63vi",
    "operation": {
      "prev": "bafyreieuio5j2mg6vn3toiq2647w5kefg72iiwgvbxqdjingzu62yezisy",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://foo"
      ],
      "rotationKeys": [
        "did:key:zQ3shkfZnxgzNW3Kby5yA7R1JdpCE3gHiaWmKMD5XdwLU6zMY",
        "did:key:zQ3shracm7zHFnzbtAuapGAUPknDHJnKxj3Ts6riTA3FsG9Xd"
      ],
      "verificationMethods": {},
      "sig": "rxygOAYyKNZ_oSIiM8B24jMmXhBeS9XZSyyqQCrE8GMjVr3wFSscaf63NlbI4VNeiO0CkeOfowinL_DsEr8J7w"
    },
    "cid": "bafyreieawqh27uftebe2n56s5qjonuqdrih6lii2xoo65czmpwigvwm32q",
    "nullified": false,
    "createdAt": "1970-01-01T00:00:02.000Z"
  }
]
"""##,
        "log_invalid_nullification_too_slow.json": ##"""
[
  {
    "did": "did:plc:oposgzvemyuhu3pcwow4ysjw",
    "operation": {
      "type": "plc_operation",
      "rotationKeys": [
        "did:key:zQ3shQ4pJUy63hdGwyxjMbpVHjpsGtZQxEDVCvHWqbUAwqfjB",
        "did:key:zQ3shRURF844SXVaMHarhBZmdfRxgEDw2KaGuRZYMREUzRp9y"
      ],
      "verificationMethods": {},
      "alsoKnownAs": [
        "at://foo"
      ],
      "services": {},
      "prev": null,
      "sig": "rLbkRO-IDfN_HVaDaf-_uirfV0SntYU6dKoZ5sJXzzoZOeLenFqx2xkXaIz0pFMUXjYxm-UutuTz21HCtILwNg"
    },
    "cid": "bafyreidt3urwnjdgfb5g3yvtvxgesnuydskk5gowux3o4ehtolgxpkkwwq",
    "nullified": false,
    "createdAt": "1970-01-01T00:00:00.000Z"
  },
  {
    "did": "did:plc:oposgzvemyuhu3pcwow4ysjw",
    "operation": {
      "prev": "bafyreidt3urwnjdgfb5g3yvtvxgesnuydskk5gowux3o4ehtolgxpkkwwq",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://foo"
      ],
      "rotationKeys": [],
      "verificationMethods": {},
      "sig": "fa5xNxqH2sPqcUKmtDVRWs4G6EjojgElwfrOTaHBKpBd5rd1wqFl_-ufa6vOHyZn8dMxICsWnFS9ia2wBRQuug"
    },
    "cid": "bafyreidb42dmd56qmvywbm2dxoig2a7qatcqpihhoz4epyxfcgnhyauvca",
    "nullified": true,
    "createdAt": "1970-01-01T00:00:01.000Z"
  },
  {
    "did": "did:plc:oposgzvemyuhu3pcwow4ysjw",
    "operation": {
      "prev": "bafyreidt3urwnjdgfb5g3yvtvxgesnuydskk5gowux3o4ehtolgxpkkwwq",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://foo"
      ],
      "rotationKeys": [
        "did:key:zQ3shQ4pJUy63hdGwyxjMbpVHjpsGtZQxEDVCvHWqbUAwqfjB",
        "did:key:zQ3shRURF844SXVaMHarhBZmdfRxgEDw2KaGuRZYMREUzRp9y"
      ],
      "verificationMethods": {},
      "sig": "crBZ1tt7ZvhgIo1adilehQvQHe45g9wzQrDhtXiLelA0MY-pxoWthTQtlarmq_IYcZMCwYsbtfFVbqxhmfDr5A"
    },
    "cid": "bafyreigw3xnh4jjxlpmsfckdwcfqgjhoydrl6odup3ge7c64hrvmz3fqr4",
    "nullified": false,
    "createdAt": "1970-01-04T00:00:02.000Z"
  }
]
"""##,
        "log_invalid_sig_b64_newline.json": ##"""
[
  {
    "did": "did:plc:vyuosvns3imj4hqisd77qfop",
    "operation": {
      "type": "plc_operation",
      "rotationKeys": [
        "did:key:zDnaefqvvRQsME5c7LvxdghHeARNWEFbg2PfrAYiHhKVf9rH9"
      ],
      "verificationMethods": {},
      "alsoKnownAs": [
        "at://weird_sig_padding"
      ],
      "services": {},
      "prev": null,
      "sig": "j0i5fYQ3fJfjXzIAcb1RoiA-F9xtzU838cU890NEC9xYmHFO4nbQMrZ6ihRu7kZPGf22q4590-3N5Q9IS-BdiA\n"
    },
    "cid": "bafyreifofduvlmw2dcpb4ceq774blt4bcnxatrndv6erta34xcuv2v3kxy",
    "nullified": false,
    "createdAt": "1970-01-01T00:00:00.000Z"
  }
]
"""##,
        "log_invalid_sig_b64_padding_bits.json": ##"""
[
  {
    "did": "did:plc:3hhmazwcb2hbcjn3thxamwrk",
    "operation": {
      "type": "plc_operation",
      "rotationKeys": [
        "did:key:zDnaefqvvRQsME5c7LvxdghHeARNWEFbg2PfrAYiHhKVf9rH9"
      ],
      "verificationMethods": {},
      "alsoKnownAs": [
        "at://weird_sig_padding"
      ],
      "services": {},
      "prev": null,
      "sig": "yRcZOnrdCdTMIWVbM-HX8ByF0Rk1SOkivl3A3YbmzT4saxyk_nERJSJ-CqKlNP4CmMdVL5Cvc1vSM_Fe5HBbmR"
    },
    "cid": "bafyreigzz3agnqqoryislo4z5ydfukwzcax3nslasimanzm7qhomnasrie",
    "nullified": false,
    "createdAt": "1970-01-01T00:00:00.000Z"
  }
]
"""##,
        "log_invalid_sig_b64_padding_chars.json": ##"""
[
  {
    "did": "did:plc:vllxembwgplesifkkab6dopf",
    "operation": {
      "type": "plc_operation",
      "rotationKeys": [
        "did:key:zDnaefqvvRQsME5c7LvxdghHeARNWEFbg2PfrAYiHhKVf9rH9"
      ],
      "verificationMethods": {},
      "alsoKnownAs": [
        "at://weird_sig_padding"
      ],
      "services": {},
      "prev": null,
      "sig": "QHEeFBpqab-LHQzXL59DpQohJxaZt0tjwRqRGegX6vYfo3g9KlZZskecnZZietchQIBsN8DwBLgfkCGSxS7YKA=="
    },
    "cid": "bafyreifk25zdanrt2zesbksqapq3tzpxbxukaihb5sthlaljably6hfgoe",
    "nullified": false,
    "createdAt": "1970-01-01T00:00:00.000Z"
  }
]
"""##,
        "log_invalid_sig_der.json": ##"""
[
  {
    "did": "did:plc:ru3i4kqbprtzmfydm3vmn57w",
    "operation": {
      "sig": "MD4CHRiHVHmnqoitzAIq5NZXEkmBbtbfayatOLATwgsOAh1OFK0fSdkgNJGXpMkXMumSu0smNfVZPzElCm1jkA",
      "prev": null,
      "type": "plc_operation",
      "services": {
        "atproto_pds": {
          "type": "AtprotoPersonalDataServer",
          "endpoint": "https://mrSTdKI0ilD_bR23p5wCOfKGUSsbOSnI.example.com"
        }
      },
      "alsoKnownAs": [
        "at://merry.xmas.from.retr0.id"
      ],
      "rotationKeys": [
        "did:key:zQ3shaTh3deVkniqT1r413817rJ3JDvTG61bzGX13dSwCkvGC"
      ],
      "verificationMethods": {
        "atproto": "did:key:zQ3shaTh3deVkniqT1r413817rJ3JDvTG61bzGX13dSwCkvGC"
      }
    },
    "cid": "bafyreieng2hcual4m6lboa3g5ldpp5xuh4jgvsvoi6zvtwwkmgk5ta2lea",
    "nullified": false,
    "createdAt": "2024-12-25T11:43:00.507Z"
  }
]
"""##,
        "log_invalid_sig_k256_high_s.json": ##"""
[
  {
    "did": "did:plc:t63fj6hb7mahe7qcvgbqhdnk",
    "operation": {
      "type": "plc_operation",
      "rotationKeys": [
        "did:key:zQ3shTBEaSruX6DJNAH3W9Weu95PYwrdQvmrHCSW9bLLZXrnw"
      ],
      "verificationMethods": {},
      "alsoKnownAs": [
        "at://high_s_k256"
      ],
      "services": {},
      "prev": null,
      "sig": "cDdgXcFwiJFhTzUyEhmvG4uCqy_UEqTXiWN29O3CiMXtfPnNo7Mg_BsK1iv4VBt010RwJg5mnDOK20T6m8ltDw"
    },
    "cid": "bafyreie7wzkpryp3abzh4avjqmby3kuznuz3dwlqqgyfui25pecveba5oe",
    "nullified": false,
    "createdAt": "1970-01-01T00:00:00.000Z"
  }
]
"""##,
        "log_invalid_sig_p256_high_s.json": ##"""
[
  {
    "did": "did:plc:svbmkmqgxdr4i5cnt5y5lq5h",
    "operation": {
      "type": "plc_operation",
      "rotationKeys": [
        "did:key:zDnaefqvvRQsME5c7LvxdghHeARNWEFbg2PfrAYiHhKVf9rH9"
      ],
      "verificationMethods": {},
      "alsoKnownAs": [
        "at://high_s_p256"
      ],
      "services": {},
      "prev": null,
      "sig": "v5pzK205KUu88-3lrYRoLmw_3TJL0xK3uCNUJXged7zEEjAQcndRh4rlglwVeMQa_UH-3XArH1Oh5T_3QGLzbg"
    },
    "cid": "bafyreievilctebvy4pchitm7ohk4hj2tfuzcouax6gnx7obc5mp5unwvea",
    "nullified": false,
    "createdAt": "1970-01-01T00:00:00.000Z"
  }
]
"""##,
        "log_invalid_update_nullified.json": ##"""
[
  {
    "did": "did:plc:4v3qers3fn55uitqeuwokfwy",
    "operation": {
      "sig": "_h3yBs4fXKilIYIAUJpB5AoE4E_aXmGYHzm7Na5B53EmoOpDnFd6H9dg9oFvKKYwFPkQkr8HMQT32HT7vgIYuw",
      "prev": null,
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op0"
      ],
      "rotationKeys": [
        "did:key:zQ3shSeJv85PFZJTHmLtRF7eKcD94NBYSrvsxy6xRMUWMq9To",
        "did:key:zQ3shbxVAaoHKvxeP9Ra2C2i8szs4pK7oyZxmr8dGGWCtBCbd"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreihfo4bemwzlppnce4bfftsrnwgtj76cku6bdtgwmf6hc7sfrt2tji",
    "nullified": false,
    "createdAt": "2025-07-25T14:33:23.810Z"
  },
  {
    "did": "did:plc:4v3qers3fn55uitqeuwokfwy",
    "operation": {
      "sig": "h21ooBoOMqXoHxiS_bWtgPiGPc9RF1oR7nm6C26gsQd1Kz8-aAvigfer9rvTctbOZY5o9OGw-TI5Smu3lqy5ag",
      "prev": "bafyreihfo4bemwzlppnce4bfftsrnwgtj76cku6bdtgwmf6hc7sfrt2tji",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op1"
      ],
      "rotationKeys": [
        "did:key:zQ3shRDdqSg2h43c8k4pCLi8yS1FpZdrEV7cHN8HvRYd9MUcD",
        "did:key:zQ3shUB1soE1ijB3NohA4esPNusMdpLQfibdUq9KhW9nab5Re"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreieekauxgid3iwwfa5ywmzk62ccka66d777nz6hsdnbjgas36ikh6i",
    "nullified": false,
    "createdAt": "2025-07-25T14:33:24.203Z"
  },
  {
    "did": "did:plc:4v3qers3fn55uitqeuwokfwy",
    "operation": {
      "sig": "jQN_ksPQqr3slUyALtQnNDbg7b6jagOOI127aId3kQcKEyJeSwNraCgecIz2K1jO0NfFcVguVHmC9zKSGrXv-Q",
      "prev": "bafyreieekauxgid3iwwfa5ywmzk62ccka66d777nz6hsdnbjgas36ikh6i",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op2"
      ],
      "rotationKeys": [
        "did:key:zQ3shesZHWBAh4UCXbGQ1XrEu3DEBJK4isHb8XEcBiMatYbjs",
        "did:key:zQ3shY6PYLasew5NYpLzCMy4hehrTadBQAKjivkDBjGbJ4oEi"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreifd5fjnolmvvsjqk5dcexqvhmm6xljppbof2bdniz7pz7dn5ncdha",
    "nullified": true,
    "createdAt": "2025-07-25T14:33:24.589Z"
  },
  {
    "did": "did:plc:4v3qers3fn55uitqeuwokfwy",
    "operation": {
      "sig": "M0bV7tNe6YkQ55NX12p_2GXveNOiqcoffSIbT-r5Zp5ZYHvje3GAHh4YRtuVPKboqmO3yL7D5CseWYBiKrpcbA",
      "prev": "bafyreieekauxgid3iwwfa5ywmzk62ccka66d777nz6hsdnbjgas36ikh6i",
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op3"
      ],
      "rotationKeys": [
        "did:key:zQ3shdEwwjTRYxEntN3bCWVfvLTawVNf7FiZY7gahFZ5jRt6b",
        "did:key:zQ3shrjSBoLEWUJcDSJSdKCdhkstmyg3GKnAfbPDunZDN8uTv"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreifviyelylmzecx3a4bi4imrq742xyxivu7yvplcsyomsanpkoge6e",
    "nullified": false,
    "createdAt": "2025-07-25T14:33:24.967Z"
  },
  {
    "did": "did:plc:4v3qers3fn55uitqeuwokfwy",
    "operation": {
      "type": "plc_operation",
      "rotationKeys": [
        "did:key:zQ3shoHCAecmKC3naChFg6gpePieh8YU4VjS16knqKWvQChBV",
        "did:key:zQ3shZd6DcRqomk4x2mW4BAwgBzexvVwxbM93GSEgJ7n4AW3v"
      ],
      "verificationMethods": {},
      "alsoKnownAs": [
        "at://op4"
      ],
      "services": {},
      "prev": "bafyreifd5fjnolmvvsjqk5dcexqvhmm6xljppbof2bdniz7pz7dn5ncdha",
      "sig": "gObrmMH4xksEZ1HloufSifAIGmn35u36mM0CNyUq8fkk-MRhCj0tHSUazIybeNAYYEF-XTm3611XNUAUD3eXhA"
    },
    "cid": "bafyreiabwwuzzavmsvz6zkl335p3eaaizaa2dg74xpazlbyehlpwzplqxq",
    "nullified": false,
    "createdAt": "2025-07-25T14:33:24.967Z"
  }
]
"""##,
        "log_invalid_update_tombstoned.json": ##"""
[
  {
    "did": "did:plc:b7y2odnrysmtzrynlrqatcpz",
    "operation": {
      "sig": "sCbeUr9rRo3_GS3ryYFTVMMIoQCxPFqPz-hnHWS0Mk9FMOY-3oPgDMg6wOr9eWdVWxRTHB2zN6YncjaAhn3uWA",
      "prev": null,
      "type": "plc_operation",
      "services": {},
      "alsoKnownAs": [
        "at://op0"
      ],
      "rotationKeys": [
        "did:key:zQ3shdUgePXuKcWPouBfa3Pxq1pDQRUbdWwP9L3F7DeUJB4KG",
        "did:key:zQ3shfLEW369HgR9wrF3uccmFPduGoCi9pS4vJSomc9y4ZM3e"
      ],
      "verificationMethods": {}
    },
    "cid": "bafyreiap6gtq3moete6modk4maeyt6ns4abftkk5lnaqb5rsyp7fwebdnu",
    "nullified": false,
    "createdAt": "2025-07-28T13:07:23.620Z"
  },
  {
    "did": "did:plc:b7y2odnrysmtzrynlrqatcpz",
    "operation": {
      "sig": "Qf7L4_fWzsKolaHiVjVBeLBcNF4ULDeUWzp2sxuyi5dYTOVzCyFGxOVGlAOKV41eUQ4wUP_q5JDly8tAnQQzMw",
      "prev": "bafyreiap6gtq3moete6modk4maeyt6ns4abftkk5lnaqb5rsyp7fwebdnu",
      "type": "plc_tombstone"
    },
    "cid": "bafyreihwvjlobt4dyrxidxxxxfbqfqjqv7j7432ci3anis3zdtwkdn22ya",
    "nullified": false,
    "createdAt": "2025-07-28T13:07:23.993Z"
  },
  {
    "did": "did:plc:b7y2odnrysmtzrynlrqatcpz",
    "operation": {
      "type": "plc_operation",
      "rotationKeys": [
        "did:key:zQ3shrwJx44p966nxnxpmw33DPNGVGR3hfbXunzuF5NmdCtm8",
        "did:key:zQ3sha6vCiYnwohoYfxHLWmQEBR5iG5acWgXToYjr9oUAjWCH"
      ],
      "verificationMethods": {},
      "alsoKnownAs": [
        "at://op2"
      ],
      "services": {},
      "prev": "bafyreihwvjlobt4dyrxidxxxxfbqfqjqv7j7432ci3anis3zdtwkdn22ya",
      "sig": "KLMS5W-XHQ0T8eWiOQYI7sUvjXvOBVZbbjZAVWyPLlNlio-z3gtaP-K3ZMT3Sl7ew2l1lzPLj5rU66kTzltfRA"
    },
    "cid": "bafyreihpojylqxoz4r5ahmazmbmh4xbxbw6mm7jftlhxmkszkxwgjq3o4e",
    "nullified": false,
    "createdAt": "2025-07-28T13:08:23.993Z"
  }
]
"""##,
    ]
}
