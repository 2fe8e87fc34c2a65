"""Name pools of the second held-out PERSON evaluation.

Two kinds of source:
  * the npm package `casual` 1.6.2 (MIT), its per-locale person lists (de_DE, fr_FR, it_IT, it_CH, nl_NL,
    sv_SE, nb_NO, da_DK, ro_RO, and bg_BG and ru_RU transliterated from Cyrillic with the tables below),
    read as data from name_sources/node_modules (`npm ci` there); casual's random generator is never used;
  * HAND-WRITTEN lists in this file (`HAND`), written from general knowledge of names that are common in
    each country today, for every culture (and the only source of 23 of the 30 cultures).

Entries are separated by spaces; `_` stands for a space inside one entry ("de_Vries" -> "de Vries");
`A/B` is a family name with a masculine and a feminine form. Everything is de-duplicated and sorted before
sampling, so the corpora depend only on these lists, casual 1.6.2 and the seed.
"""
import json
import os
import re
import subprocess
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES_DIR = os.path.join(HERE, "name_sources")

# --------------------------------------------------------------------------------------------------
# Hand-written lists, per culture and sub-group (a full name never mixes two sub-groups).
#   m / f: given names; fam: family names; style: how a full name is built and addressed (see
#   generate_holdout2.make_person); hyph_given / hyph_fam: hyphenated or apostrophe forms (hyphen_apostrophe).
# --------------------------------------------------------------------------------------------------
HAND = {
    "english": {"uk_ie": dict(
        m="Callum Declan Eoin Ciaran Niall Padraig Rhys Gareth Hamish Alasdair Kieran Lachlan Oisin Cormac Ewan "
          "Gethin Owain Aled Nigel Trevor Geoffrey Malcolm Duncan Seamus Fergus Darragh Cathal Ruairi Tadhg "
          "Alistair Graeme Iain Dougal Emrys Dafydd",
        f="Siobhan Aoife Niamh Saoirse Caoimhe Orla Sinead Roisin Eilidh Morag Isla Catriona Kirsty Sian Ffion "
          "Carys Bethan Cerys Nia Rhiannon Megan Gemma Shona Fiona Mairead Aisling Deirdre Bronagh Clodagh Eimear "
          "Ailsa Seonaid Gwen Lowri",
        fam="Gallagher Byrne Doherty Kavanagh Brennan McLaughlin MacLeod Fitzgerald Donnelly Quinlan Morrissey "
            "Nolan Murphy Sweeney Buchanan McKenzie Henderson Llewellyn Pritchard Vaughan Evans Griffiths Hughes "
            "Ferguson Robertson Drummond Kilpatrick McCarthy Moriarty Flanagan Houlihan Cullinane Whitfield "
            "Ashworth Pemberton Thornton Fogarty Tierney Dunphy MacDonald Sinclair Gillespie Macintyre",
        hyph_given="Mary-Kate Sarah-Jane Lily-Mae Ellie-Rose Anna-Louise",
        hyph_fam="O'Sullivan O'Donnell O'Driscoll O'Keeffe O'Rourke O'Mahony O'Connell O'Callaghan O'Halloran "
                 "Lloyd-Jones Hughes-Pritchard Ashworth-Kane")},
    "germanic": {"at_ch": dict(
        m="Lukas Florian Matthias Jürgen Wolfgang Reinhard Ueli Urs Reto Andri Gian Flurin Benedikt Leopold "
          "Maximilian Valentin Severin Raphael Dominik Stefan Thorsten Hubert Alois Gottfried",
        f="Regula Verena Ursina Stefanie Theresia Vreni Margrit Katharina Magdalena Johanna Elisabeth Sieglinde "
          "Brigitte Annemarie Christl Leonie Hannah Franziska Roswitha Gerlinde",
        fam="Gruber Huber Pichler Moser Steiner Hofer Leitner Aigner Brunner Wimmer Egger Zürcher Bühler Frei "
            "Baumgartner Gerber Ammann Lüthi Küng Schwarzenbach Oberholzer Gschwind Wallner Reiter Ebner "
            "Haselböck Stöckli Wüthrich Zimmerli Hürlimann",
        hyph_given="Karl-Heinz Hans-Peter Ann-Kathrin Eva-Maria Hans-Jörg Anna-Lena Klaus-Dieter",
        hyph_fam="Schmidt-Hofer Weber-Brunner Leitner-Gruber Huber-Stöckli Meier-Wüthrich")},
    "french_belgian": {"fr_be": dict(
        m="Thibault Maxime Quentin Grégoire Benoît Jérôme Arnaud Cédric Sébastien Olivier Frédéric Ludovic "
          "Mathieu Valentin Romain Théo Nathan Loïc Yannick Rodolphe",
        f="Amélie Maëlle Clémence Ségolène Noémie Océane Gaëlle Mathilde Élodie Aurélie Sandrine Delphine "
          "Nathalie Virginie Émilie Laetitia Solène Margaux Inès Anaïs",
        fam="Dubois Lambert Dupont Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters De_Smet "
            "Vandenberghe Lemaire Leclercq Delvaux Wathelet Collignon Hermans Lefebvre Moreau Girard Rousseau "
            "Fontaine Chevalier Gauthier Perrin Lemoine Mercier",
        hyph_given="Jean-Luc Marie-Claire Anne-Sophie Jean-Marc Marie-Hélène Pierre-Yves Anne-Laure "
                   "Jean-François Marie-Laure Paul-Henri",
        hyph_fam="Martin-Lavigne Dubois-Mercier Leclercq-Wathelet")},
    "italian": {"it": dict(
        m="Giuseppe Salvatore Vincenzo Gennaro Ciro Pasquale Lorenzo Federico Gianluca Pierpaolo Massimo "
          "Raffaele Rocco Emanuele Tommaso Giacomo Stefano Antonio Carmine Domenico",
        f="Giulia Francesca Federica Ilaria Martina Serena Valentina Rosaria Annunziata Carmela Benedetta "
          "Gaia Ludovica Alessandra Beatrice Caterina Giovanna Antonella Donatella Rossella",
        fam="Esposito Russo Colombo Ricci Marino Greco De_Luca Mancini Giordano Rizzo Lombardi Moretti "
            "Barbieri Santoro Mariani Rinaldi Caruso Galli Leone Longo Martinelli Vitale Coppola De_Santis "
            "Cattaneo Fabbri Pellegrini Palumbo Sanna Piras Parisi Bianco Cirillo Ferraro Gallo Conti "
            "Marchetti Bellini",
        hyph_fam="D'Angelo D'Amico D'Alessandro D'Onofrio D'Agostino")},
    "hispanic": {"es_latam": dict(
        style="spanish",
        m="Alejandro Mateo Joaquín Ignacio Rodrigo Gonzalo Álvaro Iker Unai Jaime Guillermo Esteban Mauricio "
          "Hernán Fernando Eduardo Ricardo Sergio Andrés Julián Emiliano Maximiliano Facundo Agustín Nicolás "
          "Cristóbal Héctor Rogelio Arturo Octavio Wilmer Brayan Jesús Javier",
        f="Lucía Valentina Camila Ximena Guadalupe Maribel Yolanda Lorena Rocío Inmaculada Nerea Itziar "
          "Ainhoa Milagros Agustina Catalina Paola Daniela Fernanda Marisol Yesenia Araceli Dolores "
          "Consuelo Pilar Begoña Leticia Nayeli Itzel",
        fam="García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores Rivera "
            "Gómez Díaz Morales Jiménez Ruiz Álvarez Castillo Vargas Romero Herrera Medina Aguilar Guzmán "
            "Mendoza Castro Ortiz Delgado Vega Fuentes Cabrera Ríos Navarro Domínguez Quintero Zamora "
            "Bustamante Echeverría Goikoetxea Arriaga Villanueva Salazar Espinoza Paredes Quispe Mamani "
            "Huamán Cárdenas Ocampo Valenzuela Ortega Márquez",
        hyph_given="José-Luis María-José Juan-Carlos",
        hyph_fam="García-Ortega Sánchez-Vidal Ruiz-Tagle Fernández-Castro López-Iturbe")},
    "lusophone": {"pt_br": dict(
        style="portuguese",
        m="João Tiago Gonçalo Rui Nuno Duarte Vinícius Thiago Caio Guilherme Leandro Cleiton Edivaldo Joaquim "
          "Sebastião Raimundo Francisco Paulo Marcelo Rodrigo Wagner Luiz Otávio Henrique",
        f="Beatriz Inês Leonor Mariana Adriana Luana Thaís Jéssica Larissa Fernanda Conceição Rosângela Sônia "
          "Aparecida Francisca Letícia Gabriela Juliana Vitória Raquel Tânia Lurdes Fabiana Simone",
        fam="Silva Santos Oliveira Souza Pereira Ferreira Rodrigues Almeida Nascimento Araújo Carvalho Gomes "
            "Ribeiro Martins Rocha Barbosa Cardoso Teixeira Moreira Cavalcanti Monteiro Nogueira Magalhães "
            "Figueiredo Sampaio Vasconcelos Gonçalves Fernandes Lopes Azevedo Brandão Loureiro Marques Correia "
            "Mendes Tavares Quaresma Damasceno",
        hyph_given="Ana-Luísa Maria-Eduarda",
        hyph_fam="Sampaio-Nogueira Costa-Ribeiro")},
    "dutch": {"nl_be": dict(
        m="Bram Joost Maarten Pieter Wouter Thijs Jeroen Gijs Sjoerd Ruud Koen Daan Stijn Arjen Floris "
          "Bastiaan Tjeerd Jelle Rutger Sietse Wim Joris",
        f="Femke Marloes Sanne Lotte Anouk Ilse Mirjam Esmee Fleur Inge Annelies Marieke Noor Eline Jolien "
          "Saskia Lieke Mieke Wietske Annemiek Hanneke Jantine",
        fam="de_Vries Jansen van_Dijk Bakker Visser Smit Meijer de_Boer Mulder de_Groot Bos Vos Hendriks "
            "van_Leeuwen Dekker Brouwer Dijkstra Smits de_Graaf van_der_Meer Kuipers Veenstra Hoekstra "
            "Schouten Verhoeven Willemsen Postma Huisman Kok Timmermans van_den_Broek",
        hyph_given="Jan-Willem Anne-Marije Jan-Pieter",
        hyph_fam="Verhoeven-Bakker van_Dijk-Mulder")},
    "west_slavic": {
        "pl": dict(
            m="Tomasz Krzysztof Grzegorz Paweł Michał Wojciech Łukasz Mateusz Jakub Bartosz Przemysław Szymon "
              "Zbigniew Kamil Piotr Dariusz Marek Rafał Sławomir Jacek",
            f="Agnieszka Małgorzata Katarzyna Joanna Magdalena Justyna Dorota Zofia Wiktoria Weronika Aleksandra "
              "Ewa Beata Renata Marta Monika Izabela Grażyna",
            fam="Nowak Kowalski/Kowalska Wiśniewski/Wiśniewska Wójcik Kowalczyk Kamiński/Kamińska "
                "Lewandowski/Lewandowska Zieliński/Zielińska Szymański/Szymańska Woźniak Dąbrowski/Dąbrowska "
                "Kozłowski/Kozłowska Jankowski/Jankowska Mazur Krawczyk Piotrowski/Piotrowska "
                "Grabowski/Grabowska Pawlak Michalski/Michalska Zając Wieczorek Jabłoński/Jabłońska Wróbel "
                "Majewski/Majewska Olszewski/Olszewska Stępień Malinowski/Malinowska",
            hyph_fam="Kowalska-Nowak Wiśniewska-Zając Nowak-Jeziorański"),
        "cz": dict(
            m="Jiří Tomáš Ondřej Vojtěch Lukáš Miroslav Radek Zdeněk Jaroslav Petr Jakub Vladimír Libor",
            f="Jana Lenka Petra Veronika Tereza Kateřina Lucie Markéta Michaela Barbora Žaneta Hana Eliška",
            fam="Novák/Nováková Svoboda/Svobodová Novotný/Novotná Dvořák/Dvořáková Černý/Černá "
                "Procházka/Procházková Kučera/Kučerová Veselý/Veselá Horák/Horáková Němec/Němcová "
                "Pokorný/Pokorná Hrubý/Hrubá Marek/Marková Pospíšil/Pospíšilová"),
        "sk": dict(
            m="Matúš Juraj Ľubomír Dušan Peter Martin Marek Miroslav Branislav Marián",
            f="Zuzana Ivana Dominika Soňa Ľudmila Katarína Lucia Simona Jana Alžbeta",
            fam="Horváth/Horváthová Kováč/Kováčová Varga/Vargová Baláž/Balážová Molnár/Molnárová "
                "Lukáč/Lukáčová Tóth/Tóthová Nagy/Nagyová Szabó/Szabóová Kollár/Kollárová")},
    "east_slavic": {"ua": dict(
        m="Oleksandr Oleksii Andriy Mykola Taras Bohdan Yaroslav Vasyl Serhiy Dmytro Volodymyr Yurii Ostap "
          "Petro Maksym Artem Vitaliy Denys Ihor",
        f="Oksana Olena Iryna Nataliia Tetiana Yuliia Halyna Liudmyla Khrystyna Solomiia Viktoriia Daryna "
          "Zoriana Mariia Anastasiia Svitlana Larysa Nadiia Uliana Kateryna",
        fam="Shevchenko Bondarenko Kovalenko Tkachenko Kravchenko Boyko Kovalchuk Oliynyk Shevchuk Polishchuk "
            "Lysenko Marchenko Moroz Savchuk Rudenko Melnyk Kravets Hnatyuk Ostapchuk Petrenko Zaichenko "
            "Yakovenko Honcharuk Hrytsenko Didenko Pavlenko Vasylenko Koval Tymoshchuk Levchenko",
        hyph_fam="Kovalenko-Melnyk Petrenko-Boyko")},
    "balkan": {
        "sr_hr_ba": dict(
            m="Nikola Stefan Marko Luka Dragan Zoran Goran Nenad Dejan Bojan Miloš Vuk Darko Branimir Tomislav "
              "Ivica Hrvoje Damir Emir Adnan Haris Edin Armin Kenan Aleksandar Žarko",
            f="Jelena Milica Snežana Dragana Ivana Mirjana Tijana Vesna Gordana Biljana Marija Ljiljana Sanja "
              "Amra Lejla Emina Selma Mirela Jasmina Katarina Dubravka",
            fam="Jovanović Petrović Nikolić Marković Đorđević Stojanović Ilić Stanković Pavlović Popović Horvat "
                "Kovačević Babić Marić Jurić Knežević Vuković Tomić Hodžić Hadžić Begović Delić Mehmedović "
                "Hasanović Omerović",
            hyph_fam="Horvat-Kovačević Babić-Jurić"),
        "al": dict(
            m="Arben Besnik Dritan Fatmir Ilir Gjergj Blerim Agron Erion Gentian Klodian Valon",
            f="Blerta Arta Drita Valbona Elira Teuta Besiana Fjolla Vlora Mirela Anila",
            fam="Berisha Krasniqi Gashi Shala Morina Kelmendi Bytyqi Dervishi Kastrati Hoxha Leka Rama Hysa"),
        "mk_sl": dict(
            m="Aleksandar Goran Zoran Igor Vlatko Blaž Matej Rok Jure Luka",
            f="Elena Biljana Katerina Marija Tina Špela Nina Urška Maja Teja",
            fam="Stojanovski/Stojanovska Petrovski/Petrovska Nikolovski/Nikolovska Trajkovski/Trajkovska "
                "Dimitrovski/Dimitrovska Kranjc Krajnc Potočnik Vidmar Golob Mlakar Zupančič Kos")},
    "greek": {"gr": dict(
        m="Georgios Dimitrios Konstantinos Ioannis Nikolaos Panagiotis Vasileios Christos Athanasios "
          "Evangelos Spyros Thanasis Stavros Kostas Giorgos Yiannis Theodoros Apostolos Stelios Michalis "
          "Lefteris Sotiris Petros Manolis",
        f="Eleni Aikaterini Vasiliki Angeliki Dimitra Konstantina Paraskevi Evangelia Ioanna Despoina Eirini "
          "Chrysoula Stavroula Theodora Kalliopi Zoi Foteini Anastasia Styliani Niki Vaso Katerina Efthymia",
        fam="Papadopoulos/Papadopoulou Papadakis/Papadaki Georgiou Nikolaou Pappas/Pappa Oikonomou "
            "Vlachos/Vlachou Karagiannis/Karagianni Dimitriou Makris/Makri Christodoulou Antoniou Ioannou "
            "Konstantinidis/Konstantinidou Alexiou Panagiotopoulos/Panagiotopoulou "
            "Stavropoulos/Stavropoulou Kyriakidis/Kyriakidou Mavridis/Mavridou Theodorou Zervas/Zerva "
            "Tsakiris/Tsakiri Galanis/Galani Angelopoulos/Angelopoulou Lambrou Kostopoulos/Kostopoulou "
            "Triantafyllou Spanos/Spanou Michailidis/Michailidou",
        hyph_given="Anna-Maria Maria-Eleni",
        hyph_fam="Papadopoulou-Georgiou Nikolaou-Vlachou")},
    "turkish": {"tr": dict(
        m="Mehmet Mustafa Ahmet Hüseyin Hasan İbrahim Murat Emre Burak Serkan Oğuz Kerem Barış Tolga Cem "
          "Yusuf Ömer Onur Volkan Uğur Sinan Gökhan Kaan Berk Arda Ercan Selim Tarık Levent Ufuk",
        f="Ayşe Fatma Zeynep Elif Emine Hatice Merve Büşra Esra Gizem Özlem Derya Ebru Sevgi Tuğba Selin Ece "
          "Defne Aslı Pınar Dilek Gülşen Nurcan Şule Yasemin Hande Sibel Melike Ceren Burcu",
        fam="Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan "
            "Çetin Kara Koç Özkan Şimşek Polat Güneş Aksoy Bulut Korkmaz Karaca Tekin Acar Uçar Keskin Avcı "
            "Bozkurt Ünal Erdem Kaplan Güler Sarı Altun Kurtuluş Çakır Ateş")},
    "arabic": {"ar": dict(
        style="arabic",
        m="Mohammed Ahmed Mahmoud Khaled Omar Youssef Tariq Hamza Bilal Karim Walid Samir Nabil Faisal Majid "
          "Saeed Rashid Hisham Ziad Fadi Rami Bassam Abdullah Abdelrahman Mostafa Hussein Jamal Anas Yazan "
          "Moataz Marwan Nizar",
        f="Fatima Aisha Mariam Noor Layla Huda Rania Dina Hala Salma Yasmin Nadia Amira Reem Lina Rana Dalia "
          "Shaima Asmaa Hiba Ghada Samar Lubna Nour Malak Rawan Heba Manal Souad Yousra",
        fam="Haddad Khoury Nasser Saleh Hamdan Darwish Mansour Abboud Barakat Aziz Hassan Yousef Abdallah "
            "Farouk Shalaby Ghanem Tawfik Kassem Sabbagh Awad Habib Benali Bensaid Bouzid Belkacem Haddou "
            "Ouali Cherif Al_Harbi Al_Otaibi Al_Qahtani Al_Ghamdi Al_Zahrani Al_Shehri El_Amrani Mahfouz "
            "Suleiman Qasim",
        hyph_given="Abdel-Rahman Abdel-Aziz Nour-Eldin",
        hyph_fam="Al-Harbi Al-Otaibi Al-Qahtani Al-Ghamdi Al-Zahrani Al-Shehri Al-Mansouri El-Sayed "
                 "El-Masry Al-Hashimi Abu-Zaid")},
    "persian": {"ir_af": dict(
        m="Reza Ali Hossein Mehdi Mohammad Amir Hamid Saeed Babak Kourosh Dariush Arash Kaveh Farhad Behnam "
          "Siavash Payam Peyman Omid Navid Pouya Shahin Ehsan Milad Morteza Masoud Kian Ramin",
        f="Maryam Fatemeh Zahra Shirin Parisa Nasrin Mahsa Niloufar Leila Azadeh Golnaz Roya Setareh Shadi "
          "Yasaman Bahar Elham Mitra Nazanin Sepideh Fereshteh Soheila Mina Ladan Haleh Marjan Negar",
        fam="Hosseini Mohammadi Ahmadi Rezaei Moradi Karimi Rahimi Jafari Hashemi Ghorbani Sadeghi Mousavi "
            "Kazemi Rostami Abbasi Sharifi Ebrahimi Nazari Bagheri Amini Tehrani Shirazi Farahani Esfandiari "
            "Khosravi Navabi Soltani Alavi Yazdani Mirzaei Safavi Ansari",
        hyph_fam="Hosseini-Nejad Moradi-Nejad Rahimi-Zadeh")},
    "hebrew": {"il": dict(
        m="Yossi Avi Moshe Eitan Noam Itai Omri Amit Yonatan Yoav Ariel Nadav Ido Oren Dror Shai Ronen "
          "Eyal Tomer Uri Yair Asaf Boaz Elad Shlomo Yitzhak Meir Avraham Tzvi",
        f="Yael Noa Tamar Shira Michal Maya Hila Efrat Orly Galit Limor Ayelet Keren Sigal Tali Dana Adi "
          "Inbal Moran Rivka Chaya Sarit Liat Merav Neta Osnat Hadas Roni Yarden",
        fam="Cohen Levi Mizrahi Peretz Biton Friedman Katz Azoulay Dahan Ohana Shapira Goldberg Rosenberg "
            "Ashkenazi Amsalem Gabay Malka Sasson Hadad Klein Weiss Segal Halevi Elkayam Tzur Agmon Yaakobi "
            "Avraham Shitrit Vaknin Amar Alon",
        hyph_fam="Ben-David Ben-Ami Ben-Haim Ben-Shimon Ben-Zvi Bar-Oz")},
    "indian": {
        "north": dict(
            m="Rahul Amit Vikram Arjun Rohan Siddharth Aditya Karan Nikhil Pranav Sanjay Rajesh Mahesh Dinesh "
              "Anil Sunil Deepak Manoj Vivek Abhishek Saurabh Gaurav Ankit Varun Ishaan Kunal Dhruv Yash Aarav "
              "Vihaan",
            f="Priya Ananya Aishwarya Divya Pooja Neha Sneha Kavya Shreya Anjali Deepika Sunita Shalini Swati "
              "Nandini Pallavi Tanvi Ritika Aditi Isha Riya Sanjana Radhika Sushma Archana Madhuri Preeti Jyoti "
              "Rekha",
            fam="Sharma Verma Gupta Agarwal Mehta Patel Joshi Kapoor Malhotra Chopra Khanna Bhatia Saxena "
                "Srivastava Tiwari Mishra Pandey Dubey Chauhan Rathore Yadav Thakur Jain Bansal Goyal Sinha "
                "Banerjee Chatterjee Mukherjee Bose Ghosh Kulkarni Deshpande Patil Jadhav Desai Trivedi",
            hyph_fam="D'Souza D'Mello D'Costa D'Silva D'Cruz"),
        "south": dict(
            style="south_indian",
            m="Venkatesh Srinivas Karthik Murali Balaji Senthil Prakash Arvind Lakshman Ravi Gopal Naveen "
              "Praveen Sathish Vignesh Suresh Ramesh Harish Ganesh Madhavan",
            f="Meera Lakshmi Kavitha Revathi Padma Bhavana Harini Keerthana Lavanya Geetha Vidya Divya Priya "
              "Sowmya Anitha Shanthi Vasanthi Janani",
            fam="Iyer Iyengar Nair Menon Pillai Reddy Rao Naidu Krishnan Subramanian Venkataraman Raghavan "
                "Srinivasan Ramachandran Natarajan Shetty Hegde Gowda Kamath Bhat Kurup Varma")},
    "pakistani_bangladeshi": {
        "pk": dict(
            m="Imran Usman Bilal Hamza Faisal Zeeshan Kamran Asif Junaid Shahid Adnan Waqas Farhan Arslan "
              "Shoaib Naveed Ahsan Rizwan Asad Umair",
            f="Ayesha Sana Hira Mahnoor Iqra Zainab Sadia Rabia Nimra Anum Maheen Saima Nazia Mehwish Sidra "
              "Amna Fizza",
            fam="Khan Malik Qureshi Chaudhry Siddiqui Hussain Raza Abbasi Mirza Javed Iqbal Akhtar Rehman "
                "Aslam Shah Rana Bhatti Khokhar Awan Gondal Cheema"),
        "bd": dict(
            m="Tanvir Rafiq Mahbub Shafiq Anwar Sohel Rakib Mizanur Habibur Arif Nazmul Sabbir Saiful Masud "
              "Jahid Shakil Rezaul",
            f="Farzana Nusrat Tahmina Sharmin Rokeya Nasrin Shabnam Sumaiya Fariha Tasnim Ruksana Afsana Lamia "
              "Sharmeen Nazneen",
            fam="Rahman Hossain Uddin Chowdhury Akter Begum Sarkar Talukder Miah Haque Karim Alam Bhuiyan "
                "Majumder Mahmud Sultana")},
    "chinese": {
        "mainland": dict(
            style="chinese",
            m="Wei Jun Hao Lei Jian Ming Qiang Xiaoming Zhiwei Haoran Yichen Junjie Jianguo Guoqiang Wenjie "
              "Yuxuan Zhiyuan Tianyu Hongwei Xiang Kai Rui Peng Yong Chao Zihao Jiahao Minghui Zhenyu",
            f="Jing Mei Xiu Ying Yan Lan Xia Ling Hui Juan Xiaoyan Xiaohong Yuqing Shuang Ruoxi Yutong Xinyi "
              "Jiayi Siyu Meiling Lihua Yuting Mengyao Qian Dongmei Chenxi Zihan Xueying",
            fam="Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Lin Luo Zheng Liang Xie Han Feng Deng Cao "
                "Zeng Xiao Tian Dong Yuan Jiang Cai Jia Xue Lu Yao Ding Shen Qin Guo Gao Hu Zhu"),
        "hk_tw_sea": dict(
            style="chinese",
            m="Ka_Wai Siu_Ming Wai_Kin Chi_Keung Tsz_Chun Zhi_Hao Jia_Jun Wei_Jie Kok_Leong Boon_Heng",
            f="Mei_Ling Pui_Yee Hoi_Yan Suet_Ying Siu_Wai Jia_Hui Hui_Min Xin_Yi Shu_Qi Lai_Kuen",
            fam="Wong Chan Cheung Leung Lau Ng Tsang Yeung Kwok Lim Teo Goh Koh Ong Chua Tsai Hsu Chang Huang",
            hyph_given="Chia-Hui Wei-Lun Mei-Ling Chih-Wei Hsiao-Ping Kuan-Yu Ka-Wai Siu-Ming Pui-Yee "
                       "Wai-Kin Hoi-Yan")},
    "japanese": {"jp": dict(
        style="japanese",
        m="Haruto Takumi Kenji Hiroshi Takeshi Daisuke Kazuki Yuto Sota Ryota Shota Naoki Kenta Yusuke "
          "Tatsuya Takahiro Kosuke Masato Tomoya Yuki Hiroki Shinji Koji Satoshi Makoto Akira Riku Haruki "
          "Kaito Ryosuke",
        f="Yui Aoi Sakura Hina Yuna Mei Haruka Misaki Ayaka Nanami Mao Rina Saki Yuka Kana Emi Megumi Yoko "
          "Keiko Naomi Tomoko Akiko Mayumi Kaori Chihiro Asuka Natsuki Moe Mio Airi Miyu Erika",
        fam="Sato Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki "
            "Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Ikeda Hashimoto Yamashita "
            "Ishikawa Nakajima Maeda Fujita Ogawa Goto Okada Hasegawa Murakami Kondo Ishii Saito Sakamoto "
            "Endo Aoki Fujii Nishimura Fukuda Miura Fujiwara Okamoto Nakagawa Nakano Harada")},
    "korean": {"kr": dict(
        style="korean",
        m="Minjun Seojun Doyun Jihoon Hyunwoo Junho Sungmin Donghyun Jaehyun Taeyang Seungwoo Youngho "
          "Kyungsoo Sanghoon Jinwoo Woojin Hyungjun Byungchul Chulsoo Jiwon Taehyun Jaewon",
        f="Jiyoung Minji Seoyeon Soyeon Hyejin Eunji Jisoo Subin Haeun Dahye Sujin Eunbi Yejin Mijin Hyunjoo "
          "Sunhee Younghee Kyungmi Jeongmin Seulgi Boram Hyunjung",
        fam="Kim Lee Choi Jung Kang Cho Yoon Jang Lim Han Seo Kwon Hwang Ahn Yoo Hong Jeon Ko Yang Baek Heo "
            "Nam Noh Ryu Bae Jo Chung Byun Chae Gu",
        hyph_given="Min-jun Ji-hoon Seo-yeon Hye-jin Eun-ji Sung-min Jae-hyun Dong-hyun Min-ji Su-bin")},
    "vietnamese": {"vn": dict(
        style="vietnamese",
        fam="Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trương Đinh Lâm Mai",
        mid_m="Văn Đức Minh Quốc Hữu Thanh Công",
        mid_f="Thị Ngọc Thu Thanh Minh Kim Bảo",
        m="Anh Bảo Cường Dũng Hải Hiếu Hùng Khoa Khánh Minh Nam Phong Phúc Quang Sơn Thắng Toàn Trung Tuấn "
          "Việt Vinh Đạt Huy Tâm Thịnh Duy Lộc",
        f="Lan Hương Hoa Hạnh Linh Ngọc Nhung Phương Thảo Trang Trinh Tuyết Vy Yến Hằng Giang Quỳnh Huyền "
          "Thủy Nga Oanh Diệp Châu Uyên")},
    "thai": {"th": dict(
        style="thai",
        m="Somchai Somsak Anan Kittisak Prasert Surachai Thanakorn Chaiwat Wichai Nattapong Apichat Pongsak "
          "Sombat Weerapong Thawatchai Jirayu Teerapat Krit Panya Sakda Anuchit Chatchai",
        f="Siriporn Malee Pranee Supaporn Kanokwan Nattaya Wanida Ratana Porntip Sunisa Jintana Kannika "
          "Pimchanok Nipaporn Duangjai Araya Kwanjai Chanida Orathai Patcharee Rungnapa Sasithorn",
        fam="Saetang Srisuk Wongsawat Chaiyaporn Thongchai Boonmee Rattanakorn Kaewkhao Chantarasiri "
            "Phongphan Srisawat Suwannarat Jaidee Kongsak Intharaprasit Panyasiri Siripong Thanomsak "
            "Charoenkul Tangsakul Wattanakul Bunnag Chaisiri Sombatpanit Sukprasert Ruangrit",
        nick="Nok Fon Aom Noi Pim Oat Jaa Ploen Nune")},
    "filipino": {"ph": dict(
        m="Rodel Ronaldo Ramil Jomar Reynaldo Efren Arnel Rommel Edgardo Danilo Rogelio Joel Jaypee Raymart "
          "Kristoffer Jhon Marvin Jerome Alvin Randy Erwin Noel Dindo Bong",
        f="Maricel Marites Rowena Lorna Jocelyn Analyn Mylene Rosalie Jennylyn Kristine Angelica Erlinda "
          "Remedios Corazon Teresita Leonora Jhoanna Rhea Imelda Liezl Maribel Charmaine Divina Lorelei",
        fam="Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Dela_Cruz Del_Rosario Villanueva Aquino "
            "Castillo Ramos Fernandez Manalo Dimaculangan Macaraeg Pangilinan Soriano Tolentino Navarro "
            "Mercado Panganiban Lacson Dizon Gatchalian Salonga Macapagal Aguinaldo Enriquez Villareal Sison "
            "Dimaano Mangubat Bacani Malonzo Pascual Magbanua",
        hyph_given="Jun-Jun Jay-Ar Mary-Ann")},
    "indonesian_malay": {
        "id": dict(
            m="Budi Agus Bambang Joko Slamet Dedi Hendra Rudi Eko Yudi Wahyu Arief Rizky Fajar Dimas Bayu "
              "Irfan Hadi Teguh Sutrisno Gunawan",
            f="Siti Dewi Sri Ratna Wulan Ayu Putri Indah Rina Yuni Fitri Kartika Anggun Intan Puspita Wahyuni",
            fam="Wijaya Santoso Susanto Hidayat Setiawan Kurniawan Pratama Saputra Nugroho Purnomo Wibowo "
                "Hartono Halim Siregar Nasution Simanjuntak Situmorang Sitompul Harahap Lubis Hutapea "
                "Tanjung Permana Rahmawati Lestari Hakim Firmansyah Sembiring",
            hyph_given="Nur'aini Nur'ain"),
        "my": dict(
            style="malay",
            m="Ahmad Azlan Hafiz Faizal Syafiq Amirul Haziq Khairul Zulkifli Shahrul Razak Ikhwan Aiman "
              "Firdaus Hakimi",
            f="Nurul Aisyah Syafiqah Farah Aqilah Nabila Izzati Suhaila Hidayah Rosnah Zarina Noraini "
              "Nur_Aisyah Siti_Aminah Nur_Izzati",
            fam="Abdullah Ismail Ibrahim Razak Hassan Yusof Osman Rahman Aziz Hamid Kamal Salleh Hashim "
                "Zainal Mohamad")},
    "nigerian": {
        "yoruba": dict(
            m="Oluwaseun Olumide Adewale Babatunde Tunde Femi Kayode Segun Gbenga Ayodele Olusegun Damilola",
            f="Folake Funmilayo Yetunde Bukola Titilayo Omolara Temitope Oluwakemi Kemi Adunni Morenike",
            fam="Adeyemi Adebayo Ogunleye Oyelaran Balogun Bakare Ogunbiyi Olaniyan Adeleke Oladipo Afolabi "
                "Adeniyi Oyebanji Ogundipe"),
        "igbo": dict(
            m="Chinedu Emeka Chukwuemeka Ikenna Obinna Nnamdi Chidi Uchenna Kelechi Ifeanyi Ebuka Tochukwu",
            f="Adaeze Chiamaka Ngozi Nkechi Amaka Chioma Ifeoma Adaora Chinonso Ebere Uchechi",
            fam="Okafor Okonkwo Eze Nwosu Obi Okoro Ibekwe Nwachukwu Onyekachi Uzor Chukwu Anyanwu Okeke Ezeh "
                "Nwankwo"),
        "hausa": dict(
            m="Aminu Abubakar Sani Yakubu Garba Lawal Musa Usman Bashir Nasiru",
            f="Hadiza Halima Hauwa Amina Zainab Aisha Maryam Rukayya Binta",
            fam="Bello Danjuma Yusuf Suleiman Aliyu Umar Dikko Abdullahi Mohammed Shehu Tanko")},
    "ghanaian": {
        "akan": dict(
            m="Kwame Kofi Kwabena Kwaku Yaw Kwadwo Kojo Kwesi Ebo Fiifi Kwamena Kobina Kweku",
            f="Akosua Ama Abena Adwoa Afua Akua Yaa Efua Esi Araba Adjoa Ekua",
            fam="Mensah Boateng Owusu Asante Osei Agyeman Amoah Acheampong Ofori Appiah Adjei Bonsu Donkor "
                "Ansah Gyamfi Frimpong Opoku Sarpong Antwi Asamoah Darkwa Oduro Nyarko Ampofo"),
        "ewe_ga": dict(
            m="Nii Selasi Edem Elikem Delali Senyo Mawuli Kwashie Tetteh",
            f="Naa Dzifa Enyonam Mawunyo Sena Akorfa Eyram Dede Korkor",
            fam="Tetteh Quaye Lartey Addo Dzidzornu Agbodeka Amegashie Kpodo Quarshie Ankrah Nortey")},
    "east_african": {
        "ke": dict(
            m="Kamau Mwangi Otieno Kipchumba Kiprono Wekesa Wafula Ochieng Odhiambo Kibet Mutua Njoroge",
            f="Wanjiku Wambui Njeri Nyambura Akinyi Atieno Achieng Awino Chebet Jepkosgei Chepkoech Jeptoo "
              "Nafula Nekesa Wairimu Muthoni",
            fam="Kamau Mwangi Njoroge Kariuki Otieno Odhiambo Ochieng Omondi Onyango Kiprop Kibet Cheruiyot "
                "Rotich Koech Langat Wekesa Wafula Barasa Mutua Musyoka Kilonzo Githinji"),
        "tz": dict(
            m="Juma Baraka Jabari Amani Hamisi Rajabu Tumaini Athumani Shabani",
            f="Zawadi Neema Rehema Mwanaisha Zuhura Upendo Tumaini Saida",
            fam="Mwakasege Mushi Massawe Lyimo Mrema Kimaro Swai Mfinanga Mwakyusa Kombo"),
        "ug": dict(
            m="Mugisha Musoke Wasswa Kato Okello Ssali Tumusiime Byaruhanga",
            f="Nakato Namugga Nabirye Auma Nansubuga Kyomuhendo Atwine",
            fam="Musoke Ssemwanga Tumusiime Byaruhanga Nsubuga Okello Opio Mugisha Kiggundu Ssekandi")},
    "ethiopian": {"et_er": dict(
        style="ethiopian",
        m="Abebe Kebede Tesfaye Getachew Girma Mulugeta Dawit Yonas Henok Biniam Tewodros Alemayehu Bekele "
          "Tadesse Worku Yohannes Mesfin Fikru Ermias Natnael Eyob Mekonnen Teshome Amanuel Berhanu Asfaw "
          "Habtamu Solomon Lemma Gebremedhin",
        f="Tigist Meron Selam Hiwot Mahlet Rahel Tsion Aster Almaz Genet Meseret Yeshi Senait Mekdes Feven "
          "Liya Netsanet Kidist Betelhem Eleni Hana Birtukan Tsehay Frehiwot",
        fam="Tesfamariam Ghebremedhin Habtemariam Woldemichael Gebremeskel Haileselassie Woldegiorgis Gebreyes")},
    "south_african": {
        "nguni_sotho": dict(
            m="Sipho Thabo Mandla Bongani Sibusiso Themba Lwazi Siyabonga Lungile Andile Mpho Tshepo Kagiso "
              "Tumelo Katlego Thulani Sandile Vusi Xolani Ayanda Luthando Kabelo Lesego Ndumiso",
            f="Nomvula Thandiwe Zanele Nokuthula Lindiwe Nompumelelo Ntombi Palesa Refilwe Dineo Naledi "
              "Boitumelo Karabo Lerato Zodwa Nosipho Busisiwe Zinhle Khanyisile Sibongile Anelisa",
            fam="Dlamini Nkosi Ndlovu Khumalo Mkhize Mthembu Ngcobo Buthelezi Cele Shabalala Zungu Mahlangu "
                "Sithole Mokoena Molefe Mofokeng Nkuna Baloyi Maluleke Chauke Mabuza Ngubane Xaba Radebe "
                "Mabaso Masondo Magagula Tshabalala"),
        "afrikaans": dict(
            m="Hennie Wikus Gerhard Riaan Jaco Danie Willem Francois Pieter Johan Stefanus Barend",
            f="Elmarie Annelie Marietjie Sunette Liezel Hanlie Carien Anri Mariska Elsabe",
            fam="van_der_Merwe Botha Pretorius Nel Venter du_Plessis Steyn Coetzee Fourie Swanepoel van_Wyk "
                "Oosthuizen Erasmus Joubert le_Roux Viljoen",
            hyph_given="Jan-Hendrik Marie-Louise Anne-Mari")},
    "nordic": {
        "fi": dict(
            m="Juha Mikko Timo Jukka Antti Matti Kari Janne Ville Tuomas Jussi Petteri Heikki Eero Lauri "
              "Aleksi Otso Eetu",
            f="Aino Helmi Sanna Tiina Päivi Riikka Minna Satu Anu Kaisa Elina Noora Venla Iida Siiri",
            fam="Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen "
                "Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen "
                "Laitinen Tuominen Rantanen Karjalainen Jokinen Mattila Savolainen Lahtinen Ahonen",
            hyph_given="Anna-Liisa Eeva-Kaisa Juha-Pekka Marja-Leena",
            hyph_fam="Korhonen-Laine Mäkinen-Salo"),
        "is": dict(
            style="icelandic",
            m="Guðmundur Sigurður Jón Gunnar Ólafur Einar Kristján Magnús Stefán Jóhann Arnar Hallgrímur "
              "Þórður",
            f="Guðrún Sigríður Kristín Margrét Ingibjörg Sigrún Jóhanna Ragnheiður Þórunn Hildur Birna Eyrún",
            fam="Jóns Sigurðar Guðmundar Gunnars Ólafs Einars Kristjáns Magnúsar Stefáns Jóhanns Arnars "
                "Þórðar Helga Björns")},
}

# casual locales used, per culture
CASUAL = {
    "germanic": [("de_DE", "first_names", None, "last_names")],
    "french_belgian": [("fr_FR", "first_names", None, "last_names")],
    "italian": [("it_IT", "first_names", None, "last_names"), ("it_CH", "first_names", None, "last_names")],
    "dutch": [("nl_NL", "first_names", None, "last_names")],
    "nordic": [("sv_SE", "first_name_males", "first_name_females", "last_names"),
               ("nb_NO", "first_names_male", "first_names_female", "last_names"),
               ("da_DK", "first_name_males", "first_name_females", "last_names")],
    "balkan": [("ro_RO", "first_names", None, "last_names"),
               ("bg_BG", "male_first_names", "female_first_names", "male_last_names")],
    "east_slavic": [("ru_RU", "first_name_males", "first_name_females", "last_name_males")],
}

CULTURES = sorted(HAND)

# --------------------------------------------------------------------------------------------------
# Exclusions (hand-written): famous places, brands and titles that are also names, and every word of
# the look-alike vocabulary (added by the generator).  Tokens that are ordinary English words are
# excluded through ENGLISH_WORDS, written by hand after checking every pool token once against the
# lower-case words of Debian's wamerican-small 2020.12.07-2 (the generator does not need that package).
# --------------------------------------------------------------------------------------------------
PLACES_BRANDS = set("""
Sofia Victoria Florence Charlotte Jordan Eden Aurora Regina Marion Austin Savannah Madison Lincoln Adelaide
Georgia Carolina Lima Paris Milan Santiago Montserrat Mercedes Wellington Alexandria Lourdes Florencia
Dallas Houston Phoenix Sydney Chelsea Brooklyn Siena Athina Israel Bethlehem Asia India Kenya Africa
Porsche Ferrari Gucci Prada Bosch Siemens Miele Opel Benz Daimler Bayer Merck Zeiss Linde Henkel Philips
Honda Suzuki Toyota Yamaha Kawasaki Mitsubishi Nissan Hitachi Tata Bajaj Mahindra Godrej Chanel Hermes
Cartier Lacoste Peugeot Renault Michelin Citroen Hennessy Campbell Martini Costa Ferrero Barilla Lavazza
Dell Ford Hilton Marriott Disney Tesla Boeing Heineken Nestle Kruger Zulu Orlando Ferrara Messina Genoa
Alma Aida Hugo Julia Ruby Emma Matilda Rebecca Ada Cassandra Jasmine Pascal Claude Alexa Siri Elisa
""".split())
# Borrowed entries of casual's European lists (Ali and Ahmed in sv_SE, Nguyen in nb_NO, Garcia in fr_FR, ...)
# are not drawn there: they belong to other cultures of this corpus.
BORROWED = {"Adam", "Ali", "Ahmed", "Mohammad", "Mohammed", "Nguyen", "Cohen", "Jansen", "Fischer", "Garcia",
            "Gonzalez", "Gomez", "Fernandez", "Fernandes", "Ferreira", "Alves", "Gomes", "Gonçalves", "Costa",
            "Da Costa", "Da Silva", "Dos Santos", "Hansen", "Peter", "Jensen", "Petersen"}

# ENGLISH_WORDS: the first five lines are the pool tokens found among the lower-case words of wamerican-small
# that read as ordinary words (Park, Shin, Roman, Frank, Jade, ...); the rest are word-names written by hand.
ENGLISH_WORDS = set("""
angel bar baron bent bigot bin blot bonnet boss bouquet bourgeois bow cardinal chow come cornea cousin curt
even far fen ferry flip frank gal gall gay gun hardy hens ho horn ion iris jack jade land lander levy lie lily
live loan lynch ma mace mallet marina marine mark mart mats maxim mike mint most mu my pages parent park per
pier ploy pop pour robin roman rose rune salmon sheikh shin strand sung ting tit ton tong valentine vial victor
viola wander wanting winter wit wolf ah won woo young
will grace hope faith joy may june april august carol pat rob sue dawn eve ivy amber ruby pearl olive violet
hazel holly heather daisy summer sky rain river storm ray sunny penny candy ginger honey brandy crystal destiny
dusty woody guy art bill hunter mason carter cash chase drew earl gene miles reed rich rock stone fox bird hart
lamb long short king queen prince duke love moon sun star song tang fang gang sang hung bang pan he ye oh son
kit mat tan wing chin ding
""".split())
# Particles are not name tokens (the scorer ignores them too), so they are not checked against the word list.
PARTICLES = set("van der den de del della la le du da di dos das von zu ter ten bin binti al el ben ibn abu y "
                "dela".split())


def split_entries(s):
    return [e.replace("_", " ") for e in s.split()]


def tokens(name):
    return [t for t in re.findall(r"[^\W\d_]+", name) if len(t) >= 2]


# --------------------------------------------------------------------------------------------------
# Cyrillic transliteration (written for this corpus)
# --------------------------------------------------------------------------------------------------
RU = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
      "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
      "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
      "э": "e", "ю": "yu", "я": "ya"}
BG = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
      "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
      "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya"}
RU_VOWELS = set("аеёиоуыэюяъь")


def translit(word, lang):
    table = RU if lang == "ru" else BG
    out = []
    low = word.lower()
    for i, ch in enumerate(low):
        if lang == "ru" and ch == "е" and (i == 0 or low[i - 1] in RU_VOWELS):
            t = "ye"
        elif lang == "ru" and ch == "и" and i > 0 and low[i - 1] == "ь":
            t = "yi"
        elif lang == "ru" and ch == "й" and i == len(low) - 1 and i > 0 and low[i - 1] in "иы":
            t = "y"
        elif lang == "bg" and ch == "я" and i == len(low) - 1 and i > 0 and low[i - 1] == "и":
            t = "a"
        else:
            t = table.get(ch, ch)
        out.append(t)
    s = "".join(out)
    if lang == "ru":
        s = s.replace("yy", "y")
    return s[:1].upper() + s[1:]


def ru_feminine(surname):
    for m, f in (("ский", "ская"), ("ски", "ска"), ("цкий", "цкая"), ("ой", "ая"), ("ый", "ая"), ("ов", "ова"), ("ев", "ева"),
                 ("ёв", "ёва"), ("ин", "ина"), ("ын", "ына")):
        if surname.endswith(m):
            return surname[: -len(m)] + f
    return surname


# --------------------------------------------------------------------------------------------------
# casual
# --------------------------------------------------------------------------------------------------
_casual_cache = {}


def casual_lists(locale):
    if locale in _casual_cache:
        return _casual_cache[locale]
    mod = os.path.join(SOURCES_DIR, "node_modules", "casual", "src", "providers", locale, "person.js")
    if not os.path.exists(mod):
        raise SystemExit(f"{mod} not found: run `npm ci` in {SOURCES_DIR}")
    script = ("const p=require(process.argv[1]);const o={};"
              "for(const[k,v] of Object.entries(p)){if(Array.isArray(v))o[k]=v}"
              "process.stdout.write(JSON.stringify(o))")
    res = subprocess.run(["node", "-e", script, mod], capture_output=True, text=True, check=True)
    data = json.loads(res.stdout)
    _casual_cache[locale] = data
    return data


def casual_version():
    with open(os.path.join(SOURCES_DIR, "node_modules", "casual", "package.json"), encoding="utf-8") as f:
        return json.load(f)["version"]


# Gender of casual's ungendered first-name lists (de_DE, fr_FR, it_IT, it_CH, nl_NL, ro_RO): a name ending in
# -a is feminine, any other masculine, except the hand-written lists below.  Only used to pick gendered titles
# (Mr./Ms., Herr/Frau, ...); a wrong guess changes the title, not the name.
FEMININE = {
    "de_DE": """Carin Karin Sabine Ingrid Renate Susanne Birgit Brigitte Elke Stefanie Stephanie Gertrud Elisabeth
        Elizabeth Heike Cathrin Catrin Kathrin Katrin Ilse Nicole Ute Hannelore Irmgard Irmgart Christine Kristine
        Inge Margarete Margarethe Kerstin Marianne Edith Martha Anke Christel Bärbel Silke Elfriede Ruth Lieselotte
        Melanie Christiane Ulrike Käte Käthe Anneliese Sigrid Doris Kirsten Maike Meike Astrid Rosemarie Beate
        Margot Dagmar Charlotte Heidi Marlies Marlis Antje Gudrun Nadin Nadine Helene Ivonne Yvonne Anette Annette
        Maren Marie Hildegard Marion Waltraud Hertha Gabriele""",
    "fr_FR": """Agathe Alice Alix Amandine Ambre Anaelle Anais Anaïs Angélique Anne Anouk Apolline Axelle Camille
        Candice Capucine Caroline Charline Charlotte Chloé Clarisse Clémence Coline Constance Eliane Elise Eloise
        Emilie Enola Enora Fanny Faustine Florence Gabrielle Garance Henriette Hortense Héloïse Hélène Ines Iris
        Jade Jeanine Jeanne Julie Juliette Justine Leonie Lili Lily Lise Lison Louise Lucie Lucile Lylou Léa Léane
        Léonie Mae Maelle Maeva Manon Margot Marianne Marie Marie-Caroline Marie-Hélène Marine Mathilde Meline
        Mireille Morgane Mélissa Nicole Noemie Noémie Oceane Océane Paulette Pauline Rachel Romane Rose Roxane
        Salomé Sarah Ninon Margaux Maëlys Muriel Myriam Valentine Victoire Violette Yasmine Élodie Éléonore Émilie
        Zoé Ursule""",
    "it_IT": "Noemi Deborah",
    "it_CH": "Noemi Sarah Emily Amélie Sophie Zoe Elin",
    "nl_NL": """Abke Anne Anouk Baukje Birgit Carlijn Debbie Dominique Elise Hedwig Hilke Inge Jasmijn Kristen
        Klaartje Leonie Maaike Marjan Nynke Noortje Rachel Tess Veerle Willeke Yvon Zoë""",
    "ro_RO": "Carmen Brândușa Ancuța Georgeta Luminița Cătălina Mădălina Melinda Ionela Adina",
}
MASCULINE = {
    "de_DE": "",
    "fr_FR": "Joshua Sasha",
    "it_IT": "Andrea Luca Elia Nicola Mattia Gianluca Davide Gabriele Simone Raffaele Samuele Manuele",
    "it_CH": "Luca Elia Andrea Nicola",
    "nl_NL": "",
    "ro_RO": "Luca Andrea",
}
FEMININE = {k: set(v.split()) for k, v in FEMININE.items()}
MASCULINE = {k: set(v.split()) for k, v in MASCULINE.items()}


def guess_gender(name, locale):
    first = name.split()[0]
    if first in FEMININE.get(locale, ()):
        return "f"
    if first in MASCULINE.get(locale, ()):
        return "m"
    return "f" if first.split("-")[0].endswith("a") else "m"


def casual_subpools(culture):
    """casual's lists for the culture, one sub-pool per locale."""
    subs = []
    for locale, mkey, fkey, lkey in CASUAL.get(culture, []):
        data = casual_lists(locale)
        conv = (lambda s: s)
        if locale == "ru_RU":
            conv = (lambda s: translit(s, "ru"))
        elif locale == "bg_BG":
            conv = (lambda s: translit(s, "bg"))
        given = []
        if fkey is None:
            given += [(conv(n), guess_gender(n, locale)) for n in data[mkey]]
        else:
            given += [(conv(n), "m") for n in data[mkey]] + [(conv(n), "f") for n in data[fkey]]
        if locale in ("ru_RU", "bg_BG"):
            family = [(conv(n), conv(ru_feminine(n))) for n in data[lkey]]
        else:
            family = [(n, n) for n in data[lkey]]
        given = [g for g in given if g[0] not in BORROWED]
        family = [f for f in family if f[0] not in BORROWED]
        subs.append({"id": f"casual:{locale}", "style": "western", "given": given, "family": family})
    return subs


def hand_subpools(culture):
    subs = []
    for sub, d in sorted(HAND[culture].items()):
        given = [(n, "m") for n in split_entries(d.get("m", ""))] + [(n, "f") for n in split_entries(d.get("f", ""))]
        family = []
        for e in split_entries(d.get("fam", "")):
            m, f = e.split("/") if "/" in e else (e, e)
            family.append((m, f))
        sp = {"id": f"hand:{culture}/{sub}", "style": d.get("style", "western"), "given": given, "family": family}
        for key in ("hyph_given", "hyph_fam", "mid_m", "mid_f", "nick"):
            sp[key] = split_entries(d.get(key, ""))
        subs.append(sp)
    return subs


def acceptable(name, banned_lower):
    """A name is usable iff none of its tokens is an English word, a famous place/brand, or a look-alike."""
    if any(ch.isdigit() for ch in name) or "." in name:
        return False
    for t in tokens(name):
        if t.lower() in PARTICLES:
            continue
        if t.lower() in ENGLISH_WORDS or t in PLACES_BRANDS or t.lower() in banned_lower:
            return False
    return True


def build_pools(banned_lower):
    """{culture: [sub-pool]}; a sub-pool is {"id", "style", "given": [(name, gender)], "family": [(m, f)],
    and "hyph_given", "hyph_fam", "mid_m", "mid_f", "nick"}, filtered, de-duplicated and sorted."""
    pools = {}
    for c in CULTURES:
        subs = []
        for sp in hand_subpools(c) + casual_subpools(c):
            out = {"id": sp["id"], "style": sp["style"]}
            seen, given = set(), []
            for n, g in sp["given"]:
                if n not in seen and acceptable(n, banned_lower):
                    seen.add(n)
                    given.append((n, g))
            seen, family = set(), []
            for m, f in sp["family"]:
                if m not in seen and acceptable(m, banned_lower) and acceptable(f, banned_lower):
                    seen.add(m)
                    family.append((m, f))
            out["given"], out["family"] = sorted(given), sorted(family)
            for key in ("hyph_given", "hyph_fam", "mid_m", "mid_f", "nick"):
                out[key] = sorted({v for v in sp.get(key, []) if acceptable(v, banned_lower)})
            subs.append(out)
        pools[c] = subs
    return pools


def excluded_report(banned_lower):
    """The entries dropped by `acceptable` (for the README; not used by the generator)."""
    dropped = []
    for c in CULTURES:
        for sp in hand_subpools(c) + casual_subpools(c):
            for n, _ in sp["given"]:
                if not acceptable(n, banned_lower):
                    dropped.append((sp["id"], n))
            for m, f in sp["family"]:
                if not acceptable(m, banned_lower) or not acceptable(f, banned_lower):
                    dropped.append((sp["id"], m))
            for key in ("hyph_given", "hyph_fam", "nick"):
                for v in sp.get(key, []):
                    if not acceptable(v, banned_lower):
                        dropped.append((sp["id"], v))
    return sorted(set(dropped))
