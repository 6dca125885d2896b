"""The demo consortium, its partnerships and their agencies. All fictional.

Phone numbers use Ofcom's range reserved for drama (01632 960000 to 960999), so no real
service is ever misrepresented. The national numbers (999, 101, the NSPCC helpline) are real
and correct for England.
"""

CONSORTIUM = {
    "name": "South West (demo)",
    "slug": "south-west-demo",
    "description": "A fictional regional group of safeguarding children partnerships that "
    "shares one set of child protection procedures.",
}

PARTNERSHIPS = [
    {
        "slug": "westshire",
        "name": "Westshire Safeguarding Children Partnership (demo)",
        "short_name": "Westshire",
        "hostname": "westshire.localhost",
        "is_default_site": True,
        "brand_colour": "#0b3d60",
        "accent_colour": "#1a6e3a",
        "logo_colour": "#0b3d60",
        "contacts": {
            "front_door_name": "Westshire Children's Front Door",
            "front_door_phone": "01632 960 100",
            "front_door_hours": "Monday to Thursday 8:30am to 5pm, Friday 8:30am to 4:30pm",
            "out_of_hours_phone": "01632 960 199",
        },
        "email": "lscp@westshire.example",
        "business_unit_phone": "01632 960 120",
        "town": "Westbury Cross",
    },
    {
        "slug": "northmoor",
        "name": "Northmoor Safeguarding Children Partnership (demo)",
        "short_name": "Northmoor",
        "hostname": "northmoor.localhost",
        "is_default_site": False,
        "brand_colour": "#5a1f56",
        "accent_colour": "#8a3a00",
        "logo_colour": "#5a1f56",
        "contacts": {
            "front_door_name": "Northmoor Children's Advice and Referral Team",
            "front_door_phone": "01632 960 300",
            "front_door_hours": "Monday to Friday 9am to 5pm",
            "out_of_hours_phone": "01632 960 399",
        },
        "email": "safeguarding.partnership@northmoor.example",
        "business_unit_phone": "01632 960 320",
        "town": "Moorhampton",
    },
]

# (name, type, safeguarding partner?, partnerships, description)
AGENCIES = [
    (
        "Westshire County Council (demo)",
        "local_authority",
        True,
        ["westshire"],
        "Runs children's social care, education and early help services across Westshire.",
    ),
    (
        "NHS Westshire Integrated Care Board (demo)",
        "icb",
        True,
        ["westshire"],
        "Plans and pays for NHS services in Westshire, including its designated safeguarding "
        "nurses and doctors.",
    ),
    (
        "Northmoor Borough Council (demo)",
        "local_authority",
        True,
        ["northmoor"],
        "Runs children's social care, education and early help services across Northmoor.",
    ),
    (
        "NHS Northmoor Integrated Care Board (demo)",
        "icb",
        True,
        ["northmoor"],
        "Plans and pays for NHS services in Northmoor, including its designated safeguarding "
        "professionals.",
    ),
    (
        "Westmoor Police (demo)",
        "police",
        True,
        ["westshire", "northmoor"],
        "The police force covering both Westshire and Northmoor; its chief constable is a "
        "safeguarding partner in each.",
    ),
    ("Westshire Hospitals NHS Foundation Trust (demo)", "health", False, ["westshire"], ""),
    ("Moorland Community Health NHS Trust (demo)", "health", False, ["westshire", "northmoor"], ""),
    ("South Western Ambulance Service (demo)", "health", False, ["westshire", "northmoor"], ""),
    ("Westbury Cross Academy Trust (demo)", "school", False, ["westshire"], ""),
    ("St Aldhelm's Church of England Primary School (demo)", "school", False, ["westshire"], ""),
    ("Westshire College (demo)", "school", False, ["westshire"], ""),
    ("Brightpath Family Support (demo)", "voluntary", False, ["westshire", "northmoor"], ""),
    ("Westshire Youth Football League (demo)", "sport", False, ["westshire"], ""),
    ("Westshire Faith Forum (demo)", "faith", False, ["westshire"], ""),
    ("Westshire Probation Delivery Unit (demo)", "other", False, ["westshire"], ""),
    ("Moorhampton High School (demo)", "school", False, ["northmoor"], ""),
    ("Northmoor Primary Learning Partnership (demo)", "school", False, ["northmoor"], ""),
    ("Northmoor General Hospital NHS Trust (demo)", "health", False, ["northmoor"], ""),
    ("Moorside Housing Association (demo)", "other", False, ["northmoor"], ""),
    ("Northmoor Swimming and Leisure Trust (demo)", "sport", False, ["northmoor"], ""),
    ("Northmoor Mosque and Community Centre (demo)", "faith", False, ["northmoor"], ""),
    ("Harbour Young Carers (demo)", "voluntary", False, ["northmoor"], ""),
]
